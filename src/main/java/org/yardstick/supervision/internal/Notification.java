package org.yardstick.supervision.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;
import org.yardstick.supervision.Unit;

/**
 * An alert as an account sees it in its notification list.
 *
 * @param detail the alert's particulars: the deadline, the period, or period/target code
 * @param lead the lead unit when the alert was raised, if any
 */
public record Notification(
        long id, AlertKind kind, long itemId, String planCode, String itemCode, LocalizedText itemTitle,
        @Nullable Unit lead, LocalDate raisedOn, String detail, boolean read) {}
