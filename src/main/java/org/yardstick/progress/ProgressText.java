package org.yardstick.progress;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.progress.rules.Message;
import org.yardstick.progress.rules.Status;

/**
 * Puts assessments into words in the user's language, for pages ({@code ${@progressText.of(...)}})
 * and reports.
 */
@Component("progressText")
public class ProgressText {

    private final MessageSource messages;

    ProgressText(MessageSource messages) {
        this.messages = messages;
    }

    /** A reason or note as a sentence; the English template if the bundle lacks the key. */
    public String of(Message message, Locale locale) {
        return messages.getMessage(message.key(), message.args().toArray(), message.english(), locale);
    }

    /** A number with grouping and at most {@code decimals} decimals, as the locale writes it; empty for null. */
    public String number(@org.jspecify.annotations.Nullable Double value, int decimals) {
        if (value == null) {
            return "";
        }
        java.text.NumberFormat f = FORMATS.get()[Math.max(0, Math.min(MAX_DECIMALS, decimals))];
        return f.format(value);
    }

    private static final int MAX_DECIMALS = 8;

    /** Number formats by decimals, one set per thread (formats are not thread-safe, and costly to make). */
    private static final ThreadLocal<java.text.NumberFormat[]> FORMATS = ThreadLocal.withInitial(() -> {
        java.text.NumberFormat[] formats = new java.text.NumberFormat[MAX_DECIMALS + 1];
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            formats[d] = java.text.NumberFormat.getNumberInstance(java.util.Locale.ROOT);
            formats[d].setGroupingUsed(true);
            formats[d].setMaximumFractionDigits(d);
            formats[d].setMinimumFractionDigits(0);
        }
        return formats;
    });

    /** A status's name: 进展顺利 / on track. */
    public String status(Status status, Locale locale) {
        return messages.getMessage("status." + status.name(), null, status.name(), locale);
    }
}
