package org.yardstick.framework;

import java.util.Map;
import java.util.Optional;

/**
 * The word a document puts next to a figure (限定词): 超过, 近, 以上, 约, 争取 …. It says how exactly
 * the figure is meant; the document's own word is kept beside it for display.
 */
public enum Qualifier {
    /** The figure as stated. */
    NONE,
    /** More than the figure: 超过, 以上, 多, 余. */
    OVER,
    /** Nearly the figure, a little below: 近, 接近. */
    NEARLY,
    /** About the figure: 约, 左右. */
    ABOUT,
    /** At least the figure: 不少于, 不低于. */
    AT_LEAST,
    /** At most the figure: 不超过, 以内, 不高于. */
    AT_MOST,
    /** Strive for the figure, an aspiration rather than a commitment: 争取. */
    STRIVE,
    /** Basically reached, by and large: 基本. */
    BASICALLY;

    private static final Map<String, Qualifier> WORDS = Map.ofEntries(
            Map.entry("超过", OVER), Map.entry("以上", OVER), Map.entry("多", OVER), Map.entry("余", OVER),
            Map.entry("逾", OVER), Map.entry("近", NEARLY), Map.entry("接近", NEARLY), Map.entry("将近", NEARLY),
            Map.entry("约", ABOUT), Map.entry("左右", ABOUT), Map.entry("大约", ABOUT), Map.entry("大概", ABOUT),
            Map.entry("不少于", AT_LEAST), Map.entry("不低于", AT_LEAST), Map.entry("至少", AT_LEAST),
            Map.entry("达到或超过", AT_LEAST),
            Map.entry("不超过", AT_MOST), Map.entry("以内", AT_MOST), Map.entry("不高于", AT_MOST),
            Map.entry("以下", AT_MOST), Map.entry("争取", STRIVE), Map.entry("力争", STRIVE),
            Map.entry("基本", BASICALLY));

    /**
     * Reads a qualifier from a document's word (超过) or from a code (over); blank is
     * {@link #NONE}.
     */
    public static Optional<Qualifier> parse(String wordOrCode) {
        String s = wordOrCode.strip();
        if (s.isEmpty()) {
            return Optional.of(NONE);
        }
        Qualifier q = WORDS.get(s);
        if (q != null) {
            return Optional.of(q);
        }
        for (Qualifier v : values()) {
            if (v.name().equalsIgnoreCase(s) || v.name().replace('_', '-').equalsIgnoreCase(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The words that read as this qualifier. */
    public static Map<String, Qualifier> words() {
        return WORDS;
    }
}
