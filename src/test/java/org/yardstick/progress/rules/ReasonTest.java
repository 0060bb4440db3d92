package org.yardstick.progress.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reason sentences as the message bundles will receive them. */
class ReasonTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)(,number,([^}]*))?}");

    @Test
    void keysAreUniqueAndNamespaced() {
        List<String> keys = Arrays.stream(Reason.values()).map(Reason::key).toList();

        assertThat(Set.copyOf(keys)).hasSameSizeAs(keys);
        assertThat(keys).allMatch(k -> k.matches("progress\\.(reason|note)\\.[a-z]+(-[a-z]+)*"), "namespaced key");
    }

    @Test
    void notesAreKeyedAsNotesAndReasonsAsReasons() {
        for (Reason r : Reason.values()) {
            assertThat(r.key().startsWith("progress.note.")).as(r.name()).isEqualTo(r.name().startsWith("NOTE_"));
        }
    }

    /** Every template renders with arguments of the documented types; years are never grouped (2,015). */
    @Test
    void everyTemplateRendersItsArguments() {
        for (Reason r : Reason.values()) {
            Matcher m = ARGUMENT.matcher(r.template());
            List<Object> args = new ArrayList<>();
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                while (args.size() <= i) {
                    args.add(null);
                }
                String style = m.group(3);
                args.set(i, style == null ? "说明" : "#".equals(style) ? (Object) 2015 : (Object) 1234.5678);
            }
            String text = new Message(r, args).english();

            assertThat(text).as(r.name()).doesNotContain("{").doesNotContain("2,015");
            if (r.template().contains("#,##0.##")) {
                assertThat(text).as(r.name()).contains("1,234.57");
            }
        }
    }

    @Test
    void messagesRefuseNonFiniteArguments() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Message.of(Reason.ACHIEVED, Double.NaN, 2015, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyStatusHasAReasonThatNamesIt() {
        Set<String> openings = Arrays.stream(Reason.values())
                .filter(r -> !r.name().startsWith("NOTE_"))
                .map(r -> r.template().substring(0, r.template().indexOf(':') < 0 ? 0 : r.template().indexOf(':')))
                .map(s -> s.replace(", as judged for {0,number,#}", ""))
                .collect(Collectors.toSet());

        assertThat(openings).contains("Achieved", "On track", "At risk", "Off track", "Missed",
                "Insufficient data", "Not assessed");
    }
}
