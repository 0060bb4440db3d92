package org.yardstick.ingestion.bench;

import java.util.List;
import java.util.Locale;
import org.yardstick.ingestion.GoldFigures;
import org.yardstick.ingestion.rules.Extractor;
import org.yardstick.ingestion.rules.Item;

/**
 * Recall and precision of the extraction rules on the five seeds against their gold figures, and the
 * time per 100 kB of text. Run by bench/ingestion.sh; {@code -v} lists every missed and every wrong figure.
 */
public final class IngestionBench {

    public static void main(String[] args) {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        Extractor extractor = new Extractor(GoldFigures.demoCatalogue());
        int gold = 0;
        int proposed = 0;
        int matched = 0;
        int mg = 0;
        int mf = 0;
        System.out.printf(Locale.ROOT, "%-24s %6s %8s %7s %7s %9s %10s%n", "document", "gold", "proposed", "matched",
                "recall", "precision", "milestones");
        for (String seed : GoldFigures.SEEDS) {
            GoldFigures.Score s = GoldFigures.score(seed, extractor);
            gold += s.gold();
            proposed += s.proposed();
            matched += s.matched();
            mg += s.milestonesGold();
            mf += s.milestonesFound();
            System.out.printf(Locale.ROOT, "%-24s %6d %8d %7d %7.3f %9.3f %5d/%d%n", seed, s.gold(), s.proposed(),
                    s.matched(), s.recall(), s.precision(), s.milestonesFound(), s.milestonesGold());
            if (verbose) {
                for (GoldFigures.Gold g : s.missed()) {
                    System.out.println("  MISSED " + g.kind() + " " + g.indicator() + " " + g.value() + "-" + g.valueHigh()
                            + " " + g.unit() + " " + g.year() + " | " + cut(g.sentence()));
                }
                for (Item i : s.wrong()) {
                    System.out.println("  WRONG  " + i.kind().code() + " [" + i.indicator() + "] " + i.value() + "-"
                            + i.valueHigh() + " " + i.unit() + " " + i.year() + " q=" + i.qualifierWord() + " | "
                            + cut(i.text()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-24s %6d %8d %7d %7.3f %9.3f %5d/%d%n", "overall", gold, proposed, matched,
                (double) matched / gold, (double) matched / proposed, mf, mg);
        // plans of other provinces written for the tests (Gansu and Sichuan before the rules were last changed;
        // Ningxia was written with the 2026-12-05 rules, so it shows they are general less strongly)
        List<String> earlier = GoldFigures.OWN.stream().filter(f -> !GoldFigures.NEW.contains(f)).toList();
        System.out.println();
        plans("own", earlier, extractor, verbose);
        // the two plans written in wave 4 after the rules they test (indicator names of opening things and breakdowns
        // checked too): the rules' generality on text they were not written from
        plans("new", GoldFigures.NEW, extractor, verbose);
        // time per 100 kB: all five seeds, repeated, after a warm-up; the baseline of the same run is
        // reading the same text into sentences only (no rules), so the ratio says what the rules cost
        StringBuilder all = new StringBuilder();
        for (String seed : GoldFigures.SEEDS) {
            all.append(GoldFigures.seed(seed)).append('\n');
        }
        String text = all.toString();
        long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (int i = 0; i < 5; i++) {
            extractor.extract(text, Extractor.Options.none());
        }
        int rounds = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            extractor.extract(text, Extractor.Options.none());
        }
        long rules = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            org.yardstick.ingestion.rules.Sentences.split(org.yardstick.ingestion.rules.Widths.normalise(text));
        }
        long split = System.nanoTime() - t0;
        double perHundredKb = rules / 1e6 / rounds * (100_000.0 / bytes);
        System.out.printf(Locale.ROOT, "time: %.1f ms per 100 kB of text (%d kB, %d rounds); sentence split alone %.1f ms"
                + " per 100 kB; ratio rules/split %.1f%n", perHundredKb, bytes / 1000, rounds,
                split / 1e6 / rounds * (100_000.0 / bytes), (double) rules / split);
    }

    /** Recall and precision of plans of other provinces, every item counted, per plan and overall. */
    private static void plans(String label, List<String> files, Extractor extractor, boolean verbose) {
        System.out.printf(Locale.ROOT, "%-24s %6s %8s %7s %7s %9s%n", label + " plan (all items)", "gold", "proposed",
                "matched", "recall", "precision");
        int gold = 0;
        int proposed = 0;
        int matched = 0;
        for (String file : files) {
            GoldFigures.OwnScore s = GoldFigures.ownScore(file, extractor);
            gold += s.gold();
            proposed += s.proposed();
            matched += s.matched();
            System.out.printf(Locale.ROOT, "%-24s %6d %8d %7d %7.3f %9.3f%n", file, s.gold(), s.proposed(), s.matched(),
                    s.recall(), s.precision());
            if (verbose) {
                s.missed().forEach(m -> System.out.println("  MISSED " + m));
                s.wrong().forEach(i -> System.out.println("  WRONG  " + i.kind().code() + " [" + i.indicator() + "] "
                        + i.value() + "-" + i.valueHigh() + " " + i.unit() + " " + i.year() + " q=" + i.qualifierWord()
                        + " b=" + i.breakdown() + " | " + cut(i.text())));
            }
        }
        System.out.printf(Locale.ROOT, "%-24s %6d %8d %7d %7.3f %9.3f%n%n", label + " overall", gold, proposed, matched,
                (double) matched / gold, (double) matched / proposed);
    }

    private static String cut(String s) {
        return s.length() > 90 ? s.substring(0, 90) + "…" : s;
    }
}
