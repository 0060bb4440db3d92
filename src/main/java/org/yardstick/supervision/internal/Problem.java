package org.yardstick.supervision.internal;

import org.jspecify.annotations.Nullable;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.ProblemKind;

/** What can be wrong with what a planner or a department enters in task supervision. */
public enum Problem implements ProblemKind {
    REQUIRED("supervision.required", "is required"),
    BAD_DATE("supervision.bad-date", "is not a date (YYYY-MM-DD)"),
    DEADLINE_BEFORE_START("supervision.deadline-before-start", "is before the start date {0}"),
    UNKNOWN_UNIT("supervision.unknown-unit", "is not a known organisation code"),
    DUPLICATE_UNIT("supervision.duplicate-unit", "lists the unit {0} twice"),
    CO_UNIT_WITHOUT_LEAD("supervision.co-unit-without-lead", "needs a lead unit first"),
    STALE("supervision.stale", "was changed by someone else meanwhile; reload and try again"),
    TOO_LONG("supervision.too-long", "is longer than {0} characters"),
    BAD_PERIOD("supervision.bad-period", "is not a reporting period of this plan (such as {0})"),
    PERIOD_CLOSED("supervision.period-closed", "is closed: reports were accepted until {0}"),
    PERIOD_NOT_STARTED("supervision.period-not-started", "has not started yet"),
    BAD_PROGRESS("supervision.bad-progress", "must be a whole number from 0 to 100"),
    FILE_TOO_LARGE("supervision.file-too-large", "is larger than the limit of {0}"),
    FILE_EMPTY("supervision.file-empty", "is empty"),
    FILE_NAME_NOT_ALLOWED("supervision.file-name-not-allowed", "is not an allowed file name (no paths, no control characters)"),
    FILE_TYPE_NOT_ALLOWED("supervision.file-type-not-allowed", "is not an allowed type: PDF, Word (docx), Excel (xlsx), PNG, JPEG or text"),
    FILE_TYPE_MISMATCH("supervision.file-type-mismatch", "has the extension .{0} but its content is {1}"),
    FILE_NOT_STORED("supervision.file-not-stored", "could not be stored; nothing was saved"),
    BAD_GRACE_DAYS("supervision.bad-grace-days", "must be a whole number from 0 to 366"),
    BAD_EMAIL("supervision.bad-email", "is not an e-mail address"),
    CONTACTS_TOO_LONG("supervision.contacts-too-long",
            "are {0,number,#} characters together; at most {1,number,#} are allowed for one unit");

    /** Where supervision's input problems come from, as {@code InputProblem} sources name it. */
    public static final String SOURCE = "supervision-item";

    /** A problem of a field of what a planner or a department entered. */
    public static InputProblem of(String field, @Nullable String value, Problem kind, Object... args) {
        return InputProblem.of(SOURCE, 0, field, value, kind, args);
    }

    private final String key;
    private final String template;

    Problem(String key, String template) {
        this.key = key;
        this.template = template;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String template() {
        return template;
    }
}
