package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yardstick.assessment.engine.Disclosure.Verdict;
import org.yardstick.assessment.engine.RegionalDisclosure.Node;
import org.yardstick.assessment.engine.RegionalDisclosure.Stats;

class RegionalDisclosureTest {

    /** A generated tree: root R, prefectures P0.., counties P0C0..; enterprises (values) in counties only. */
    record World(List<Node> nodes, Map<String, String> parent, Map<String, List<Double>> enterprises) {}

    static World world(Random random, int prefectures, int counties, int maxPerCounty) {
        List<Node> nodes = new ArrayList<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, List<Double>> enterprises = new LinkedHashMap<>();
        nodes.add(new Node("R", null, Stats.EMPTY));
        for (int p = 0; p < prefectures; p++) {
            String pc = "P" + p;
            nodes.add(new Node(pc, "R", Stats.EMPTY));
            parent.put(pc, "R");
            for (int c = 0; c < counties; c++) {
                String cc = pc + "C" + c;
                int n = random.nextInt(maxPerCounty + 1);
                List<Double> values = new ArrayList<>();
                Stats s = Stats.EMPTY;
                for (int i = 0; i < n; i++) {
                    double v = random.nextInt(12) == 0 ? 500 + random.nextInt(5000) : random.nextInt(100);
                    values.add(v);
                    s = s.plus(Stats.of(v));
                }
                enterprises.put(cc, values);
                nodes.add(new Node(cc, pc, s));
                parent.put(cc, pc);
            }
        }
        return new World(nodes, parent, enterprises);
    }

    /** The enterprises' values under a region, listed one by one (not from the engine's summaries). */
    static List<Double> under(World w, String code) {
        List<Double> out = new ArrayList<>();
        w.enterprises().forEach((county, values) -> {
            String r = county;
            while (r != null && !r.equals(code)) {
                r = w.parent().get(r);
            }
            if (r != null) {
                out.addAll(values);
            }
        });
        return out;
    }

    static boolean safe(List<Double> values) {
        if (values.isEmpty()) {
            return true;
        }
        Map<Long, Double> m = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            m.put((long) i, values.get(i));
        }
        return Disclosure.primary(m) == Verdict.PUBLISHED;
    }

    @Test
    void aCountyOfThreeIsHiddenWithItsSmallestSiblingAndThePrefectureStaysShown() {
        List<Node> nodes = List.of(new Node("P", null, Stats.EMPTY),
                new Node("A", "P", stats(50, 60, 70)),
                new Node("B", "P", stats(50, 60, 70, 80, 90)),
                new Node("C", "P", stats(40, 50, 60, 70, 80, 90)));
        Map<String, Verdict> v = RegionalDisclosure.control(nodes, RegionalDisclosure.MAGNITUDE, Set.of());
        assertThat(v).containsEntry("A", Verdict.TOO_FEW).containsEntry("B", Verdict.SECONDARY)
                .containsEntry("C", Verdict.PUBLISHED).containsEntry("P", Verdict.PUBLISHED);
    }

    @Test
    void aHiddenCountyWhoseSiblingsCannotProtectItHidesItsParent() {
        // A (3) alone with an empty sibling: the prefecture minus nothing would be A; the prefecture is hidden,
        // and then the region's residual is A again, so the region's other prefecture is hidden too
        List<Node> nodes = List.of(new Node("R", null, Stats.EMPTY), new Node("P", "R", Stats.EMPTY),
                new Node("A", "P", stats(50, 60, 70)), new Node("E", "P", Stats.EMPTY),
                new Node("Q", "R", stats(10, 20, 30, 40, 50, 60)));
        Map<String, Verdict> v = RegionalDisclosure.control(nodes, RegionalDisclosure.MAGNITUDE, Set.of());
        assertThat(v).containsEntry("A", Verdict.TOO_FEW).containsEntry("P", Verdict.TOO_FEW)
                .containsEntry("Q", Verdict.SECONDARY).containsEntry("R", Verdict.PUBLISHED);
    }

    private static Stats stats(double... values) {
        Stats s = Stats.EMPTY;
        for (double v : values) {
            s = s.plus(Stats.of(v));
        }
        return s;
    }

    /**
     * Property over random trees: every shown region passes the rule, and for every shown region, its enterprises
     * minus those of its shown children (what its figure minus theirs reveals; computed here from the enterprise
     * lists, not by the engine) are none or pass the rule. Differences across shown regions are of disjoint such
     * sets, so no combination of published figures isolates a group failing the rule.
     */
    @Test
    void noShownRegionNorDifferenceRevealsOneEnterprise() {
        Random random = new Random(23020);
        int suppressed = 0;
        for (int round = 0; round < 400; round++) {
            World w = world(random, 1 + random.nextInt(4), 1 + random.nextInt(6), 1 + random.nextInt(12));
            Map<String, Verdict> v = RegionalDisclosure.control(w.nodes(), RegionalDisclosure.MAGNITUDE, Set.of());
            for (Node n : w.nodes()) {
                if (v.get(n.code()) != Verdict.PUBLISHED) {
                    suppressed++;
                    continue;
                }
                assertThat(safe(under(w, n.code()))).as("shown " + n.code()).isTrue();
                List<Double> rest = new ArrayList<>(under(w, n.code()));
                for (Node child : w.nodes()) {
                    if (n.code().equals(child.parent()) && v.get(child.code()) == Verdict.PUBLISHED) {
                        for (Double x : under(w, child.code())) {
                            rest.remove(x);
                        }
                    }
                }
                assertThat(safe(rest)).as("%s minus its shown children, %s", n.code(), v).isTrue();
            }
        }
        assertThat(suppressed).isGreaterThan(200);
    }

    /** Region × stage counts: in each shown row the hidden cells together are 0 or at least 5, and every column is safe. */
    @Test
    void aRegionByStageTableHidesRowsAndColumnsTogether() {
        Random random = new Random(4754);
        int hiddenCells = 0;
        for (int round = 0; round < 200; round++) {
            World w = world(random, 1 + random.nextInt(3), 1 + random.nextInt(5), 1 + random.nextInt(15));
            Map<String, List<Node>> columns = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            for (int stage = 0; stage < 4; stage++) {
                List<Node> col = new ArrayList<>();
                Map<String, Integer> byCounty = new HashMap<>();
                for (Node n : w.nodes()) {
                    List<Double> values = w.enterprises().getOrDefault(n.code(), List.of());
                    final int s = stage;
                    int k = (int) values.stream().filter(x -> Math.min(3, (int) (x / 25)) == s).count();
                    byCounty.put(n.code(), k);
                    col.add(new Node(n.code(), n.parent(), Stats.count(k)));
                }
                columns.put("s" + stage, col);
                counts.put("s" + stage, byCounty);
            }
            Map<String, Verdict> rows = RegionalDisclosure.control(w.nodes(), RegionalDisclosure.MAGNITUDE, Set.of());
            Set<String> hiddenRows = new java.util.HashSet<>();
            rows.forEach((k, x) -> {
                if (x != Verdict.PUBLISHED) {
                    hiddenRows.add(k);
                }
            });
            Map<String, Map<String, Verdict>> t = RegionalDisclosure.twoWay(columns, RegionalDisclosure.COUNT, hiddenRows);
            Map<String, Map<String, Stats>> totals = new HashMap<>();
            columns.forEach((c, nodes) -> totals.put(c, RegionalDisclosure.totals(nodes)));
            for (Node n : w.nodes()) {
                int hidden = 0;
                for (String c : columns.keySet()) {
                    Verdict cell = t.get(c).get(n.code());
                    if (hiddenRows.contains(n.code())) {
                        assertThat(cell).isNotEqualTo(Verdict.PUBLISHED);
                    }
                    if (cell != Verdict.PUBLISHED) {
                        hidden += totals.get(c).get(n.code()).count();
                        hiddenCells++;
                    } else {
                        int k = totals.get(c).get(n.code()).count();
                        assertThat(k == 0 || k >= 5).isTrue();
                        // the column: this cell minus its shown children's cells is 0 or at least 5
                        int rest = k;
                        for (Node child : columns.get(c)) {
                            if (n.code().equals(child.parent()) && t.get(c).get(child.code()) == Verdict.PUBLISHED) {
                                rest -= totals.get(c).get(child.code()).count();
                            }
                        }
                        assertThat(rest == 0 || rest >= 5).as("column %s at %s", c, n.code()).isTrue();
                    }
                }
                if (!hiddenRows.contains(n.code())) {
                    assertThat(hidden == 0 || hidden >= 5).as("row " + n.code()).isTrue();
                }
            }
        }
        assertThat(hiddenCells).isGreaterThan(100);
    }
}
