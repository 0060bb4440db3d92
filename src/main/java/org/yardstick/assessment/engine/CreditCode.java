package org.yardstick.assessment.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * The 统一社会信用代码 of GB 32100-2015: 18 characters from a 31-character alphabet (digits and upper-case
 * letters without I, O, Z, S, V); the last is a check character computed from the first 17 with the
 * weights 3^i mod 31.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a code is refused. */
    public enum Fault { LENGTH, CHARACTER, CHECK_DIGIT }

    private CreditCode() {}

    /** The check character of the first 17 characters, which must be valid. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters needed");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not in the alphabet: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    /** Upper-cased, surrounding spaces removed: how a code is stored. */
    public static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** What is wrong with a (normalised) code, or empty when it is valid. */
    public static Optional<Fault> fault(String code) {
        if (code.length() != 18) {
            return Optional.of(Fault.LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Fault.CHARACTER);
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17) ? Optional.empty() : Optional.of(Fault.CHECK_DIGIT);
    }

    public static boolean isValid(String code) {
        return fault(code).isEmpty();
    }
}
