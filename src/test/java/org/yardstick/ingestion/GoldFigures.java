package org.yardstick.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.ingestion.rules.Catalogue;
import org.yardstick.ingestion.rules.Extractor;
import org.yardstick.ingestion.rules.Item;
import org.yardstick.ingestion.rules.ItemKind;
import org.yardstick.ingestion.rules.Units;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.YamlNode;

/**
 * The gold figures of the seeds (src/test/resources/ingestion/gold, made from the demo framework
 * files by bench/ingestion-gold.py) and the score of the rules against them: a figure counts when
 * kind, value (and a range's high end), unit, year agree and the sentences overlap.
 */
public final class GoldFigures {

    public static final List<String> SEEDS = List.of("000_725402c544bed228", "001_8718a80db3bac299",
            "002_f38d182d94fa755c", "003_68b446b3a9ca09d0", "004_95436843c6d7a3f0");

    /** Short plans of other provinces written for the tests in the style of the seeds (gold: own/own-gold.csv). */
    public static final List<String> OWN = List.of("gs-bb-2016.txt", "sc-xxxf-2017.txt", "nx-hlw-2016.txt",
            "ha-kd-2016.txt", "gd-xxxf-2017.txt");

    /**
     * The plans of {@link #OWN} written in wave 4 (Henan broadband, Guangdong information consumption), after the
     * rules they test were written: bench/ingestion.sh scores them apart, their gold also names the indicator of
     * figures counted from the thing a sentence opens with and of breakdowns (column indicator, breakdown).
     */
    public static final List<String> NEW = List.of("ha-kd-2016.txt", "gd-xxxf-2017.txt");

    /**
     * Score of one plan of {@link #OWN}: every item (tasks, milestones and comparators included) against
     * its gold rows by kind, value, high end, unit, year and qualifier word.
     */
    public record OwnScore(String document, int gold, int proposed, int matched, List<String> missed, List<Item> wrong) {
        public double recall() {
            return gold == 0 ? 1 : (double) matched / gold;
        }

        public double precision() {
            return proposed == 0 ? 1 : (double) matched / proposed;
        }
    }

    public static OwnScore ownScore(String file, Extractor extractor) {
        String text = resource("/ingestion/own/" + file);
        List<Item> items = new ArrayList<>(extractor.extract(text, Extractor.Options.none()).items());
        int proposed = items.size();
        CsvReader.Table gold = CsvReader.table("own-gold.csv", resource("/ingestion/own/own-gold.csv"));
        int expected = 0;
        List<String> missed = new ArrayList<>();
        for (CsvReader.Row r : gold.rows()) {
            List<String> c = r.cells();
            if (!c.get(0).equals(file)) {
                continue;
            }
            expected++;
            String kind = c.get(1);
            BigDecimal value = number(c.get(2));
            BigDecimal high = number(c.get(3));
            Integer year = c.get(5).isEmpty() ? null : Integer.valueOf(c.get(5));
            String indicator = c.size() > 7 ? c.get(7) : "";
            String breakdown = c.size() > 8 ? c.get(8) : "";
            Item hit = items.stream().filter(i -> i.kind().code().equals(kind) && same(i.value(), value)
                    && (high == null || same(i.valueHigh(), high))
                    && i.unit().equals(c.get(4)) && java.util.Objects.equals(i.year(), year)
                    && i.qualifierWord().equals(c.get(6))
                    && (indicator.isEmpty() || i.indicator().equals(indicator))
                    && (breakdown.isEmpty() || i.breakdown().equals(breakdown))).findFirst().orElse(null);
            if (hit == null) {
                missed.add(String.join(",", c));
            } else {
                items.remove(hit);
            }
        }
        return new OwnScore(file, expected, proposed, expected - missed.size(), missed, items);
    }

    /** One gold figure with the offsets of its sentence in the seed. */
    public record Gold(String kind, String indicator, @Nullable BigDecimal value, @Nullable BigDecimal valueHigh,
                       String unit, int year, String sentence, int start, int end) {}

    /** Score of one document. */
    public record Score(String document, int gold, int proposed, int matched, int milestonesGold, int milestonesFound,
                        List<Gold> missed, List<Item> wrong) {
        public double recall() {
            return gold == 0 ? 1 : (double) matched / gold;
        }

        public double precision() {
            return proposed == 0 ? 1 : (double) matched / proposed;
        }
    }

    private GoldFigures() {}

    public static String seed(String name) {
        return resource("/ingestion/seeds/" + name + ".txt");
    }

    public static String resource(String path) {
        try (InputStream in = GoldFigures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo catalogue (indicators.yaml), as a planner starting from the demo would have it. */
    public static Catalogue demoCatalogue() {
        YamlNode root = YamlNode.parse("indicators.yaml", resource("/demo/indicators.yaml"));
        List<Catalogue.Entry> entries = new ArrayList<>();
        for (YamlNode i : root.get("indicators").items()) {
            entries.add(Catalogue.Entry.of(i.text("code"), i.text("name_zh"), i.textOr("unit_zh", ""),
                    i.textOr("description_zh", "")));
        }
        return new Catalogue(entries);
    }

    public static List<Gold> gold(String seed, String document) {
        List<Gold> out = new ArrayList<>();
        String[] lines = document.split("\n", -1);
        int[] lineStart = new int[lines.length + 1];
        for (int i = 0; i < lines.length; i++) {
            lineStart[i + 1] = lineStart[i] + lines[i].length() + 1;
        }
        CsvReader.Table table = CsvReader.table(seed + ".csv", resource("/ingestion/gold/" + seed + ".csv"));
        List<String> header = table.header().cells();
        for (CsvReader.Row row : table.rows()) {
            Map<String, String> r = new java.util.HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                r.put(header.get(c), row.cells().get(c));
            }
            int line = Integer.parseInt(r.get("line"));
            String quote = r.get("sentence").replace("……", "");
            String[] parts = quote.split("…");
            String probe = parts[0].length() >= 6 ? parts[0] : quote;
            int at = lines[line - 1].indexOf(probe.length() > 30 ? probe.substring(0, 30) : probe);
            int start = at >= 0 ? lineStart[line - 1] + at : lineStart[line - 1];
            int end = at >= 0 ? Math.min(start + quote.length(), lineStart[line]) : lineStart[line];
            out.add(new Gold(r.get("kind"), r.get("indicator"), number(r.get("value")), number(r.get("value_high")),
                    r.get("unit"), Integer.parseInt(r.get("year")), r.get("sentence"), start, end));
        }
        return out;
    }

    private static @Nullable BigDecimal number(@Nullable String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s);
    }

    public static Score score(String seed, Extractor extractor) {
        String doc = seed(seed);
        List<Gold> gold = gold(seed, doc);
        List<Item> items = extractor.extract(doc, Extractor.Options.none()).items();
        List<Item> figures = items.stream().filter(i -> i.kind().quantified()).toList();
        List<Item> milestones = items.stream().filter(i -> i.kind() == ItemKind.MILESTONE).toList();
        boolean[] used = new boolean[figures.size()];
        List<Gold> missed = new ArrayList<>();
        int matched = 0;
        int goldFigures = 0;
        int goldMilestones = 0;
        int milestonesFound = 0;
        boolean[] usedMilestone = new boolean[milestones.size()];
        for (Gold g : gold) {
            if (g.kind().equals("milestone")) {
                goldMilestones++;
                for (int i = 0; i < milestones.size(); i++) {
                    Item m = milestones.get(i);
                    if (!usedMilestone[i] && overlaps(m, g)) {
                        usedMilestone[i] = true;
                        milestonesFound++;
                        break;
                    }
                }
                continue;
            }
            goldFigures++;
            boolean hit = false;
            for (int i = 0; i < figures.size(); i++) {
                if (!used[i] && agrees(figures.get(i), g)) {
                    used[i] = true;
                    hit = true;
                    matched++;
                    break;
                }
            }
            if (!hit) {
                missed.add(g);
            }
        }
        List<Item> wrong = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            if (!used[i]) {
                wrong.add(figures.get(i));
            }
        }
        return new Score(seed, goldFigures, figures.size(), matched, goldMilestones, milestonesFound, missed, wrong);
    }

    static boolean overlaps(Item i, Gold g) {
        return i.start() < g.end() && g.start() < i.end();
    }

    static boolean agrees(Item i, Gold g) {
        if (!i.kind().code().equals(g.kind()) && !(family(i.kind().code()).equals(family(g.kind())))) {
            return false;
        }
        if (!overlaps(i, g) || i.year() == null || i.year() != g.year()) {
            return false;
        }
        if (!same(i.value(), g.value()) || g.valueHigh() != null && !same(i.valueHigh(), g.valueHigh())) {
            return false;
        }
        return g.value() == null || Units.compatible(i.unit(), g.unit());
    }

    /** Target and count are one family: the demo's curators drew the line between them by judgement. */
    static String family(String kind) {
        return kind.equals("count") ? "target" : kind;
    }

    private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
