package org.yardstick.assessment.engine;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GB/T 4754-2017 (国民经济行业分类) codes as far as the questionnaire needs them: sections A–T and the divisions
 * (大类) 01–97 that make them up. Groups and classes (3 and 4 digits) are checked by their division only.
 */
public final class Industries {

    private static final Pattern CODE = Pattern.compile("[A-T]|\\d{2,4}");
    /** The first division of each section A … T (A: 01–05, B: 06–12, C: 13–43, …, T: 97). */
    private static final int[] FIRST = {1, 6, 13, 44, 47, 51, 53, 61, 63, 66, 70, 71, 73, 76, 80, 83, 84, 86, 91, 97};

    private Industries() {}

    /** The section letter of a code (itself for a letter); empty when the code is not one of GB/T 4754-2017. */
    public static Optional<String> section(String code) {
        if (!CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        if (code.length() == 1) {
            return Optional.of(code);
        }
        int division = Integer.parseInt(code.substring(0, 2));
        if (division < 1 || division > 97) {
            return Optional.empty();
        }
        int i = FIRST.length - 1;
        while (FIRST[i] > division) {
            i--;
        }
        return Optional.of(String.valueOf((char) ('A' + i)));
    }
}
