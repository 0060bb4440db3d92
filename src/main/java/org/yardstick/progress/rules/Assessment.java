package org.yardstick.progress.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.TargetKind;

/**
 * How a target stands as of a year. Every number is finite; what cannot be computed is null.
 *
 * @param status the status
 * @param category StatCan's category where its ratio method applied (numeric targets with a rate),
 *     or {@code TARGET_ACHIEVED}; null otherwise
 * @param reason one sentence saying why the status is what it is
 * @param notes further remarks: qualifiers, fallbacks, substitutions
 * @param asOfYear the evaluation year; null when nothing is known at all
 * @param start where progress is measured from: the baseline, or the first figure from the
 *     baseline year on when the document gives no baseline value (value, range and count targets)
 * @param latest the figure the status is decided on: the latest up to the as-of year and the target
 *     year (the first after the target year when there is none before it)
 * @param targetLevel the level to reach in the indicator's unit (翻一番 from 710 is 1420; a range's
 *     low end; a comparator's value in the latest figure's year)
 * @param targetLevelHigh a range's high end; null for other kinds
 * @param progressPercent share of the distance from start to target covered, in %, not capped:
 *     above 100 when the target is exceeded, below 0 when the indicator moved away; null when there
 *     is no distance to cover
 * @param expected the value on the straight path from start to target in the as-of year
 * @param rates achieved versus required annual rates, with StatCan's ratio
 * @param projection where the trend leads by the target year
 */
public record Assessment(
        TargetKind kind,
        Status status,
        @Nullable SdgCategory category,
        Message reason,
        List<Message> notes,
        @Nullable Integer asOfYear,
        @Nullable Figure start,
        @Nullable Figure latest,
        @Nullable Double targetLevel,
        @Nullable Double targetLevelHigh,
        int targetYear,
        @Nullable Double progressPercent,
        @Nullable Double expected,
        @Nullable Rates rates,
        @Nullable Projection projection) {

    public Assessment {
        notes = List.copyOf(notes);
        requireFinite(targetLevel, "target level");
        requireFinite(targetLevelHigh, "target level high");
        requireFinite(progressPercent, "progress");
        requireFinite(expected, "expected value");
    }

    /** Whether a note with this reason was given. */
    public boolean hasNote(Reason r) {
        return notes.stream().anyMatch(n -> n.reason() == r);
    }

    static void requireFinite(@Nullable Double x, String what) {
        if (x != null && !Double.isFinite(x)) {
            throw new IllegalArgumentException(what + " is not finite: " + x);
        }
    }
}
