package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void aPublishedCodeIsValid() {
        // the example code printed in GB 32100-2015's explanations and many registries
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.fault("91350100M000100Y44")).contains(CreditCode.Fault.CHECK_DIGIT);
        assertThat(CreditCode.fault("91350100M000100Y4")).contains(CreditCode.Fault.LENGTH);
        assertThat(CreditCode.fault("91350100M000100I43")).contains(CreditCode.Fault.CHARACTER);
        assertThat(CreditCode.normalise(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
    }

    /** Property: a code with its computed check character is valid, and changing any one character is caught. */
    @Test
    void everySingleCharacterChangeIsCaught() {
        Random random = new Random(32100);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                s.append(CreditCode.ALPHABET.charAt(random.nextInt(31)));
            }
            String code = s.toString() + CreditCode.checkCharacter(s.toString());
            assertThat(CreditCode.isValid(code)).as(code).isTrue();
            int at = random.nextInt(18);
            char other;
            do {
                other = CreditCode.ALPHABET.charAt(random.nextInt(31));
            } while (other == code.charAt(at));
            String changed = code.substring(0, at) + other + code.substring(at + 1);
            assertThat(CreditCode.isValid(changed)).as(changed).isFalse();
        }
    }
}
