package org.yardstick.ingestion.rules;

/**
 * Full-width to half-width (全角转半角): digits, Latin letters, ％ ． － ～ and the ideographic space,
 * one character for one character, so that every offset in the normalised text is the offset in the
 * document as written. Chinese punctuation that has no half-width twin (，。；：、“”) is kept.
 */
public final class Widths {

    private Widths() {}

    public static String normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = half(chars[i]);
        }
        return new String(chars);
    }

    static char half(char c) {
        if (c == '\u3000') {
            return ' ';
        }
        if (c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A'
                || c == '\uFF05' || c == '\uFF0E' || c == '\uFF0D' || c == '\uFF5E' || c == '\uFF0B' || c == '\uFF0F') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u2014' || c == '\u2013' || c == '\u2012' || c == '\u2212') {
            return '-'; // dashes of ranges: 6—10条
        }
        return c;
    }
}
