package org.yardstick.ingestion.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicator catalogue (指标库) as the rules see it, and the matching of an indicator named in a
 * document to it, by name and synonyms, with a confidence from 0 to 1.
 */
public final class Catalogue {

    /** One catalogue indicator: its code, Chinese name, unit and other names (synonyms). */
    public record Entry(String code, String name, String unit, List<String> synonyms) implements java.io.Serializable {

        /** An entry whose synonyms are the names its description quotes (“…” or 亦称…). */
        public static Entry of(String code, String name, String unit, String description) {
            List<String> synonyms = new ArrayList<>();
            Matcher m = QUOTED.matcher(description);
            while (m.find()) {
                if (m.group(1).length() >= 4) {
                    synonyms.add(m.group(1));
                }
            }
            return new Entry(code, name, unit, synonyms);
        }
    }

    /** A match: the entry, the confidence and whether the units disagree (flagged, never merged). */
    public record Match(Entry entry, double confidence, boolean unitConflict) implements java.io.Serializable {}

    private static final Pattern QUOTED = Pattern.compile("“([^”]{2,30})”");
    /** Words that say where, not what: 全区, 我区 … are left out when names are compared. */
    private static final Pattern NOISE = Pattern.compile("^(全区|全省|全市|我区|我省|全疆|自治区|全国|全兵团|兵团|其中|全面|实现)");

    private final List<Entry> entries;

    public Catalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Catalogue empty() {
        return new Catalogue(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The best catalogue indicator for a name as written, if any reaches {@code 0.5}. */
    public Optional<Match> match(String written, String unit) {
        String name = NOISE.matcher(written.strip()).replaceFirst("");
        if (name.length() < 2) {
            return Optional.empty();
        }
        Entry best = null;
        double bestScore = 0;
        for (Entry e : entries) {
            double score = score(name, e.name());
            for (String s : e.synonyms()) {
                score = Math.max(score, score(name, s));
            }
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        if (best == null || bestScore < 0.5) {
            return Optional.empty();
        }
        return Optional.of(new Match(best, Math.round(bestScore * 100) / 100.0, !Units.compatible(best.unit(), unit)));
    }

    /** 1 for the same name; high when one contains the other; else the Dice coefficient of bigrams. */
    static double score(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.contains(b) || b.contains(a)) {
            double ratio = (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length());
            return 0.7 + 0.25 * ratio;
        }
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String g : x) {
            if (y.contains(g)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }
}
