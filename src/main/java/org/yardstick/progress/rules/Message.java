package org.yardstick.progress.rules;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * One sentence of an assessment: which {@link Reason} and its arguments ({@code Integer} years,
 * finite {@code Double} figures, {@code String} notes). The web layer translates it by
 * {@link #key()}.
 */
public record Message(Reason reason, List<Object> args) {

    public Message {
        args = List.copyOf(args);
        for (Object a : args) {
            if (a instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException(reason + ": argument is not finite: " + d);
            }
        }
    }

    public static Message of(Reason reason, Object... args) {
        return new Message(reason, List.of(args));
    }

    public String key() {
        return reason.key();
    }

    /** The sentence in English. */
    public String english() {
        return new MessageFormat(reason.template(), Locale.ROOT).format(args.toArray());
    }

    @Override
    public String toString() {
        return english();
    }
}
