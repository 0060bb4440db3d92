package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yardstick.assessment.engine.Disclosure.Verdict;
import org.yardstick.assessment.engine.RegionalDisclosure.Stats;
import org.yardstick.assessment.engine.RegionalTables.Cell;
import org.yardstick.assessment.engine.RegionalTables.Result;
import org.yardstick.assessment.engine.RegionalTables.Verdicts;

/**
 * The incremental computation (a province and the root recomputed, the other provinces remembered) equals the whole
 * tree controlled at once after every step of random submission sequences over random trees, and names every region
 * whose verdict or figures changed.
 */
class RegionalTablesTest {

    /** A county's enterprises: score and stage (0–3) of each; every third a 贯标, every seventh a 示范 enterprise. */
    record Enterprise(double score, int stage, boolean pilot, boolean demonstration) {}

    record World(Map<String, String> parent, Map<String, List<Enterprise>> counties) {

        List<Cell> cells() {
            List<Cell> out = new ArrayList<>();
            parent.forEach((code, p) -> {
                List<Enterprise> es = counties.getOrDefault(code, List.of());
                Stats s = Stats.EMPTY;
                int[] st = new int[4];
                int pilot = 0;
                int demo = 0;
                for (Enterprise e : es) {
                    s = s.plus(Stats.of(e.score()));
                    st[e.stage()]++;
                    pilot += e.pilot() ? 1 : 0;
                    demo += e.demonstration() ? 1 : 0;
                }
                out.add(new Cell(code, p, s, st[0], st[1], st[2], st[3], pilot, demo, pilot, es.size()));
            });
            return out;
        }
    }

    static Enterprise enterprise(Random r) {
        double score = r.nextInt(15) == 0 ? 90 + r.nextInt(10) : r.nextInt(30) == 0 ? 0 : 10 + r.nextInt(80);
        return new Enterprise(score, Math.min(3, (int) (score / 25)), r.nextInt(3) == 0, r.nextInt(7) == 0);
    }

    /** 中国 over 2–5 provinces of 1–4 prefectures of 1–5 counties; sizes skewed, so some provinces are tiny. */
    static World world(Random r) {
        Map<String, String> parent = new LinkedHashMap<>();
        Map<String, List<Enterprise>> counties = new LinkedHashMap<>();
        parent.put("CN", null);
        int provinces = 2 + r.nextInt(4);
        for (int p = 0; p < provinces; p++) {
            String pc = "P" + p;
            parent.put(pc, "CN");
            int size = r.nextInt(6) == 0 ? 3 : 30;
            for (int f = 0, fs = 1 + r.nextInt(4); f < fs; f++) {
                String fc = pc + "F" + f;
                parent.put(fc, pc);
                for (int c = 0, cs = 1 + r.nextInt(5); c < cs; c++) {
                    String cc = fc + "C" + c;
                    parent.put(cc, fc);
                    List<Enterprise> es = new ArrayList<>();
                    for (int i = 0, n = r.nextInt(size); i < n; i++) {
                        es.add(enterprise(r));
                    }
                    counties.put(cc, es);
                }
            }
        }
        return new World(parent, counties);
    }

    @Test
    void incrementalEqualsTheWholeTreeAfterEveryStepAndNamesEveryChangedRegion() {
        Random r = new Random(23020);
        int steps = 0;
        int narrowed = 0;
        int fallbacks = 0;
        for (int round = 0; round < 100; round++) {
            World w = world(r);
            RegionalTables.Memory memory = new RegionalTables.Memory();
            Verdicts stored = null; // what the last remembered computation published
            List<Cell> storedCells = null;
            List<String> counties = new ArrayList<>(w.counties().keySet());
            for (int step = 0; step < 25; step++) {
                // a submission (an enterprise enters a county) or a return (one leaves)
                String county = counties.get(r.nextInt(counties.size()));
                List<Enterprise> es = w.counties().get(county);
                if (!es.isEmpty() && r.nextInt(4) == 0) {
                    es.remove(r.nextInt(es.size()));
                } else {
                    es.add(enterprise(r));
                }
                List<Cell> cells = w.cells();
                Result result = memory.compute(cells, Set.of(county));
                Verdicts full = RegionalTables.full(cells);
                assertThat(result.verdicts()).as("round %d step %d", round, step).isEqualTo(full);
                steps++;
                if (result.changed() == null) {
                    fallbacks++;
                } else {
                    assertThat(result.changed()).containsAll(differing(stored, storedCells, full, cells))
                            .as("the county's province, even when remembered equal").contains(county);
                    if (result.changed().size() < cells.size()) {
                        narrowed++;
                    }
                }
                // now and then the recomputation's transaction is lost: nothing remembered, the next still exact
                if (r.nextInt(10) > 0) {
                    memory.remember(result.state());
                    stored = full;
                    storedCells = cells;
                }
            }
        }
        assertThat(steps).isEqualTo(100 * 25);
        // the property is not vacuous: most steps recompute part of the tree, and some fall back to the whole
        assertThat(narrowed).as("narrowed %d, whole %d", narrowed, fallbacks).isGreaterThan(steps / 5);
        assertThat(fallbacks).isPositive();
    }

    /** Regions whose verdict in some table, or whose own cell (hence total or figures), differ between two states. */
    static Set<String> differing(Verdicts before, List<Cell> beforeCells, Verdicts after, List<Cell> afterCells) {
        Set<String> out = new HashSet<>();
        Map<String, Cell> old = new LinkedHashMap<>();
        beforeCells.forEach(c -> old.put(c.code(), c));
        Map<String, String> parent = new LinkedHashMap<>();
        afterCells.forEach(c -> parent.put(c.code(), c.parent()));
        for (Cell c : afterCells) {
            if (!c.equals(old.get(c.code()))) {
                for (String x = c.code(); x != null; x = parent.get(x)) {
                    out.add(x); // its figures and every ancestor's totals
                }
            }
            String k = c.code();
            if (before.score().get(k) != after.score().get(k) || before.pilot().get(k) != after.pilot().get(k)
                    || before.demonstration().get(k) != after.demonstration().get(k)) {
                out.add(k);
            }
            for (Stage st : Stage.values()) {
                if (before.stages().get(st).get(k) != after.stages().get(st).get(k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    @Test
    void aRootThatWouldReachIntoAProvinceIsControlledWholeAndStillExact() {
        // 中国 with one large province and one of 3 enterprises: the small province is hidden, so 中国 minus the
        // large one would give it away; the root hides the large one as well (SECONDARY), as the whole tree does
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put("CN", null);
        parent.put("A", "CN");
        parent.put("AC", "A");
        parent.put("B", "CN");
        parent.put("BC", "B");
        Map<String, List<Enterprise>> counties = new LinkedHashMap<>();
        counties.put("AC", new ArrayList<>(List.of(new Enterprise(50, 2, false, false), new Enterprise(60, 2, false, false),
                new Enterprise(70, 2, false, false), new Enterprise(40, 1, false, false), new Enterprise(45, 1, false, false),
                new Enterprise(55, 2, false, false))));
        counties.put("BC", new ArrayList<>(List.of(new Enterprise(50, 2, false, false), new Enterprise(60, 2, false, false),
                new Enterprise(65, 2, false, false))));
        World w = new World(parent, counties);
        RegionalTables.Memory memory = new RegionalTables.Memory();
        Result result = memory.compute(w.cells(), Set.of("BC"));
        assertThat(result.changed()).isNull();
        assertThat(result.verdicts().score()).containsEntry("B", Verdict.TOO_FEW).containsEntry("A", Verdict.SECONDARY)
                .containsEntry("CN", Verdict.PUBLISHED);
        assertThat(result.verdicts()).isEqualTo(RegionalTables.full(w.cells()));
    }
}
