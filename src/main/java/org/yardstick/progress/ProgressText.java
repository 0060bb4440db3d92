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

    /** A status's name: 进展顺利 / on track. */
    public String status(Status status, Locale locale) {
        return messages.getMessage("status." + status.name(), null, status.name(), locale);
    }
}
