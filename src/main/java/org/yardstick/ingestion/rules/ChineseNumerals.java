package org.yardstick.ingestion.rules;

import java.util.OptionalLong;

/**
 * Chinese numerals (中文数字) as plans write them: 三, 两, 十二, 三十, 一百, 千, 一千二百, 三万. Numbers in
 * Arabic digits are read by {@link Quantities}.
 */
public final class ChineseNumerals {

    /** The characters a Chinese numeral is made of. */
    public static final String CHARS = "零〇一二两三四五六七八九十百千万亿";

    private ChineseNumerals() {}

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    static long unit(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            default -> -1;
        };
    }

    /** The value of a whole string of numeral characters, or empty if it is not a well-formed numeral. */
    public static OptionalLong parse(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return OptionalLong.empty();
        }
        long total = 0;     // completed 亿 and 万 groups
        long section = 0;   // below 万
        long pending = -1;  // a digit waiting for its unit
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (pending >= 0 && d != 0 && pending != 0) {
                    return OptionalLong.empty(); // 三四: two digits in a row are not one numeral
                }
                pending = d;
                continue;
            }
            long u = unit(c);
            if (u > 0) {
                long times = pending < 0 ? 1 : pending; // 十二: a bare 十 is 一十
                if (pending == 0) {
                    return OptionalLong.empty();
                }
                section += times * u;
                pending = -1;
                continue;
            }
            if (c == '万' || c == '亿') {
                long group = section + Math.max(pending, 0);
                if (group == 0) {
                    group = 1;
                }
                total = (total + group) * (c == '万' ? 10_000L : 100_000_000L);
                section = 0;
                pending = -1;
                continue;
            }
            return OptionalLong.empty();
        }
        return OptionalLong.of(total + section + Math.max(pending, 0));
    }
}
