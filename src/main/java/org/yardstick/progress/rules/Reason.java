package org.yardstick.progress.rules;

/**
 * The sentences an assessment gives: its reason (one) and its notes (any). Each constant is one
 * message-bundle entry: {@link #key()} names it, {@link #template()} is the English
 * {@link java.text.MessageFormat} pattern, whose arguments are the {@link Message#args()} in the
 * order each constant's Javadoc lists them. Years are passed as {@code Integer}, figures and rates
 * as {@code Double} (rates in % a year for compound rates, in the indicator's unit a year for linear
 * ones).
 */
public enum Reason {
    // achieved
    /** latest value, its year, target level. */
    ACHIEVED("progress.reason.achieved",
            "Achieved: {0,number,#,##0.##} in {1,number,#} meets the target of {2,number,#,##0.##}."),
    /** baseline value, baseline year, target level. */
    ACHIEVED_AT_BASELINE("progress.reason.achieved-at-baseline",
            "Already met at the baseline: {0,number,#,##0.##} in {1,number,#} meets the target of {2,number,#,##0.##}."),
    /** latest value, its year, low end, high end. */
    ACHIEVED_IN_RANGE("progress.reason.achieved-in-range",
            "Achieved: {0,number,#,##0.##} in {1,number,#} lies within the range {2,number,#,##0.##}–{3,number,#,##0.##}."),
    /** latest value, its year, comparator's value that year. */
    ACHIEVED_COMPARATOR("progress.reason.achieved-comparator",
            "Achieved: {0,number,#,##0.##} in {1,number,#} is level with or better than the comparator''s {2,number,#,##0.##}."),

    // on track, at risk, off track: compound rates (% a year)
    /** achieved rate, required rate (both % a year). */
    ON_TRACK("progress.reason.on-track",
            "On track: {0,number,0.##}% a year achieved against {1,number,0.##}% a year required."),
    /** achieved rate, required rate (both % a year). */
    AT_RISK("progress.reason.at-risk",
            "At risk: {0,number,0.##}% a year achieved where {1,number,0.##}% a year is required; progress must accelerate."),
    /** achieved rate, required rate (both % a year). */
    OFF_TRACK_SLOW("progress.reason.off-track-slow",
            "Off track: only {0,number,0.##}% a year achieved where {1,number,0.##}% a year is required."),

    // the same with linear rates (the indicator's unit a year)
    /** achieved rate, required rate (both in the indicator's unit a year). */
    ON_TRACK_LINEAR("progress.reason.on-track-linear",
            "On track: {0,number,#,##0.##} a year achieved against {1,number,#,##0.##} a year required."),
    /** achieved rate, required rate (both in the indicator's unit a year). */
    AT_RISK_LINEAR("progress.reason.at-risk-linear",
            "At risk: {0,number,#,##0.##} a year achieved where {1,number,#,##0.##} a year is required; progress must accelerate."),
    /** achieved rate, required rate (both in the indicator's unit a year). */
    OFF_TRACK_SLOW_LINEAR("progress.reason.off-track-slow-linear",
            "Off track: only {0,number,#,##0.##} a year achieved where {1,number,#,##0.##} a year is required."),

    // the same for comparator targets (gap closed a year, in the indicator's unit)
    /** gap closed a year, gap closing required a year. */
    ON_TRACK_GAP("progress.reason.on-track-gap",
            "On track: the gap to the comparator is closing by {0,number,#,##0.##} a year against the {1,number,#,##0.##} a year required."),
    /** gap closed a year, gap closing required a year. */
    AT_RISK_GAP("progress.reason.at-risk-gap",
            "At risk: the gap to the comparator is closing by {0,number,#,##0.##} a year where {1,number,#,##0.##} a year is required."),
    /** gap closed a year, gap closing required a year. */
    OFF_TRACK_GAP("progress.reason.off-track-gap",
            "Off track: the gap to the comparator is closing by only {0,number,#,##0.##} a year where {1,number,#,##0.##} a year is required."),

    /** latest value, its year, starting value, its year. */
    MOVING_AWAY("progress.reason.moving-away",
            "Off track: {0,number,#,##0.##} in {1,number,#} has moved away from the target since {2,number,#,##0.##} in {3,number,#}."),
    /** starting gap, its year, latest gap, its year (gaps in the indicator's unit, positive = behind). */
    GAP_WIDENING("progress.reason.gap-widening",
            "Off track: the gap to the comparator has widened from {0,number,#,##0.##} in {1,number,#} to {2,number,#,##0.##} in {3,number,#}."),
    /** latest value, its year, comparator's value that year. */
    FELL_BEHIND("progress.reason.fell-behind",
            "Off track: {0,number,#,##0.##} in {1,number,#} has fallen behind the comparator''s {2,number,#,##0.##}."),
    /** latest value, its year, low end, high end. */
    RANGE_OVERSHOOT("progress.reason.range-overshoot",
            "At risk: {0,number,#,##0.##} in {1,number,#} has gone past the range {2,number,#,##0.##}–{3,number,#,##0.##}."),
    /** latest value, its year, low end, high end. */
    LEFT_RANGE("progress.reason.left-range",
            "Off track: {0,number,#,##0.##} in {1,number,#} has left the range {2,number,#,##0.##}–{3,number,#,##0.##}."),

    // missed
    /** target year, latest value, its year, target level. */
    MISSED("progress.reason.missed",
            "Missed: the target year {0,number,#} has come and {1,number,#,##0.##} in {2,number,#} does not meet the target of {3,number,#,##0.##}."),
    /** target year, latest value, its year, low end, high end. */
    MISSED_RANGE("progress.reason.missed-range",
            "Missed: the target year {0,number,#} has come and {1,number,#,##0.##} in {2,number,#} lies outside the range {3,number,#,##0.##}–{4,number,#,##0.##}."),
    /** target year, latest value, its year, comparator's value that year. */
    MISSED_COMPARATOR("progress.reason.missed-comparator",
            "Missed: the target year {0,number,#} has come and {1,number,#,##0.##} in {2,number,#} is behind the comparator''s {3,number,#,##0.##}."),

    // final, from the target year on, without a figure of the target year
    /** target year, year of the latest figure. */
    CANNOT_JUDGE("progress.reason.cannot-judge",
            "Cannot be judged (latest figure {1,number,#}): the target year {0,number,#} has come without a figure for it."),
    /** target year. */
    CANNOT_JUDGE_NO_FIGURE("progress.reason.cannot-judge-no-figure",
            "Cannot be judged (no figure): the target year {0,number,#} has come and no figure has been reported."),
    /** target year, year of the latest judgement. */
    CANNOT_JUDGE_MILESTONE("progress.reason.cannot-judge-milestone",
            "Cannot be judged (last judged for {1,number,#}): the target year {0,number,#} has come and nobody has judged the milestone since."),
    /** starting value, its year, latest value, its year (the target year or later). */
    DIRECTION_ACHIEVED("progress.reason.direction-achieved",
            "Achieved: from {0,number,#,##0.##} in {1,number,#} to {2,number,#,##0.##} in {3,number,#}, in the wanted direction."),
    /** starting value, its year, latest value, its year (the target year or later). */
    DIRECTION_NOT_ACHIEVED("progress.reason.direction-not-achieved",
            "Not achieved: from {0,number,#,##0.##} in {1,number,#} to {2,number,#,##0.##} in {3,number,#}, not in the wanted direction."),

    // direction only (no number): the growth rate itself against the method's thresholds
    /** growth in the wanted direction (% a year), the on-track threshold (% a year). */
    DIRECTION_ON_TRACK("progress.reason.direction-on-track",
            "On track: {0,number,0.##}% a year in the wanted direction, at or above the {1,number,0.##}% a year the method asks for."),
    /** growth in the wanted direction, the on-track threshold, the acceleration threshold (all % a year). */
    DIRECTION_AT_RISK("progress.reason.direction-at-risk",
            "At risk: {0,number,0.##}% a year in the wanted direction, short of the {1,number,0.##}% a year of on track (at least {2,number,0.##}%); progress must accelerate."),
    /** growth in the wanted direction, the acceleration threshold (both % a year). */
    DIRECTION_LIMITED("progress.reason.direction-limited",
            "Off track: only {0,number,0.##}% a year in the wanted direction, below the {1,number,0.##}% a year of progress that counts."),
    /** starting value, its year, latest value, its year, growth against the wanted direction (% a year). */
    DIRECTION_DETERIORATION("progress.reason.direction-deterioration",
            "Off track: from {0,number,#,##0.##} in {1,number,#} to {2,number,#,##0.##} in {3,number,#}, {4,number,0.##}% a year against the wanted direction."),
    /** latest value, its year, the natural limit. */
    DIRECTION_AT_LIMIT("progress.reason.direction-at-limit",
            "On track: {0,number,#,##0.##} in {1,number,#} holds the natural limit of {2,number,#,##0.##} it started at."),

    // unable to assess (the method's "Unable to assess"; reported as insufficient data)
    /** starting value, its year, the figure across zero, its year. */
    SIGN_CHANGE("progress.reason.sign-change",
            "Unable to assess: the figures change sign, from {0,number,#,##0.##} in {1,number,#} to {2,number,#,##0.##} in {3,number,#}; compound growth needs all of them above zero or all below."),
    /** starting value, target level. */
    TARGET_ACROSS_ZERO("progress.reason.target-across-zero",
            "Unable to assess: the start {0,number,#,##0.##} and the target {1,number,#,##0.##} lie on different sides of zero (a zero counts as 0.001); compound growth needs both on the same side."),

    // insufficient data
    /** no arguments. */
    NO_FIGURES("progress.reason.no-figures", "Insufficient data: no figure has been reported."),
    /** as-of year. */
    NO_FIGURES_BY("progress.reason.no-figures-by", "Insufficient data: no figure has been reported up to {0,number,#}."),
    /** baseline year. */
    NO_BASELINE("progress.reason.no-baseline", "Insufficient data: there is no baseline value for {0,number,#}."),
    /** baseline (or starting) year. */
    NO_LATER_FIGURE("progress.reason.no-later-figure",
            "Insufficient data: there is no figure after the baseline year {0,number,#}."),
    /** the only figure, its year. */
    ONLY_ONE_FIGURE("progress.reason.only-one-figure",
            "Insufficient data: without a baseline value, the one figure {0,number,#,##0.##} in {1,number,#} shows no trend."),
    /** baseline value. */
    BASELINE_NOT_POSITIVE("progress.reason.baseline-not-positive",
            "Insufficient data: a target relative to the baseline needs a baseline above zero, but the baseline is {0,number,#,##0.##}."),
    /** no arguments. */
    NO_COMPARATOR_FIGURES("progress.reason.no-comparator-figures",
            "Insufficient data: the comparator has no figure for a year the region reports."),

    // milestones
    /** judgement year, the person's note. */
    JUDGED_ACHIEVED("progress.reason.judged-achieved", "Achieved, as judged for {0,number,#}: {1}"),
    /** judgement year, the person's note. */
    JUDGED_ON_TRACK("progress.reason.judged-on-track", "On track, as judged for {0,number,#}: {1}"),
    /** judgement year, the person's note. */
    JUDGED_AT_RISK("progress.reason.judged-at-risk", "At risk, as judged for {0,number,#}: {1}"),
    /** judgement year, the person's note. */
    JUDGED_OFF_TRACK("progress.reason.judged-off-track", "Off track, as judged for {0,number,#}: {1}"),
    /** target year, judgement year, the person's note. */
    MILESTONE_MISSED("progress.reason.milestone-missed",
            "Missed: the target year {0,number,#} has come without the milestone being judged achieved (last judged for {1,number,#}: {2})"),
    /** no arguments. */
    NOT_JUDGED("progress.reason.not-judged", "Not assessed: nobody has judged this milestone yet."),
    /** target year. */
    NOT_JUDGED_OVERDUE("progress.reason.not-judged-overdue",
            "Not assessed: the target year {0,number,#} has passed and nobody has judged this milestone."),

    // notes
    /** no arguments. */
    NOTE_LINEAR_FALLBACK("progress.note.linear-fallback",
            "Compound growth is undefined across zero, so the projection is linear only."),
    /** no arguments. */
    NOTE_ZERO_BASE("progress.note.zero-base",
            "The starting value is zero; as the method prescribes, growth rates are computed from 0.001 instead."),
    /** no arguments. */
    NOTE_ZERO_TARGET("progress.note.zero-target",
            "The target is zero; as the method prescribes, the required growth rate is computed towards 0.001 instead."),
    /** no arguments. */
    NOTE_NEGATIVE_SERIES("progress.note.negative-series",
            "All figures are below zero: as the method prescribes, growth rates are of the magnitudes and the wanted direction is flipped."),
    /** the natural limit, the scaling factor C. */
    NOTE_LIMIT_SCALING("progress.note.limit-scaling",
            "Near the natural limit of {0,number,#,##0.##}, the method''s growth thresholds are scaled by {1,number,0.###}."),
    /** target year. */
    NOTE_DEPARTURE_TARGET_YEAR("progress.note.departure-target-year",
            "Yardstick judges the target at its target year {0,number,#}; Statistics Canada''s method would grade the growth up to the latest figure and never call a target missed."),
    /** no arguments. */
    NOTE_DEPARTURE_SINGLE_FIGURE("progress.note.departure-single-figure",
            "Yardstick reports a target met by its only figure as achieved; Statistics Canada''s method needs figures for two years to assess."),
    /** no arguments. */
    NOTE_DEPARTURE_FLAT_ZERO("progress.note.departure-flat-zero",
            "The figures start and end at zero: Yardstick counts no change, where the method''s 0.001 for the start alone would read a fall of 100% a year."),
    /** no arguments. */
    NOTE_DEPARTURE_COUNT_LINEAR("progress.note.departure-count-linear",
            "Counts are measured by linear rates from zero; Statistics Canada''s method would use compound growth from 0.001."),
    /** no arguments. */
    NOTE_DEPARTURE_COMPARATOR("progress.note.departure-comparator",
            "Statistics Canada''s method has no rule for a target set relative to another region; Yardstick grades the gap closed a year by the method''s ratio thresholds."),
    /** no arguments. */
    NOTE_DEPARTURE_RANGE("progress.note.departure-range",
            "Statistics Canada''s method has no rule for leaving or overshooting a target range; this status is Yardstick''s."),
    /** baseline year, first value, its year. */
    NOTE_START_FROM_FIRST("progress.note.start-from-first",
            "There is no baseline value for {0,number,#}; progress is measured from the first figure, {1,number,#,##0.##} in {2,number,#}."),
    /** baseline year. */
    NOTE_COUNT_FROM_ZERO("progress.note.count-from-zero",
            "The count is taken as zero in the baseline year {0,number,#}."),
    /** value, year. */
    NOTE_LOWER_BOUND("progress.note.lower-bound",
            "The figure {0,number,#,##0.##} in {1,number,#} is a lower bound (more than): the true value is a little higher."),
    /** value, year. */
    NOTE_NEARLY("progress.note.nearly",
            "The figure {0,number,#,##0.##} in {1,number,#} is nearly reached: the true value is a little lower."),
    /** value, year. */
    NOTE_UPPER_BOUND("progress.note.upper-bound",
            "The figure {0,number,#,##0.##} in {1,number,#} is an upper bound (at most)."),
    /** value, year. */
    NOTE_APPROXIMATE("progress.note.approximate", "The figure {0,number,#,##0.##} in {1,number,#} is approximate."),
    /** no arguments. */
    NOTE_ASPIRATIONAL("progress.note.aspirational",
            "The target is aspirational (to strive for): its status is reported like any other, but it is not a commitment."),
    /** year reached, target year. */
    NOTE_REACHED_LATE("progress.note.reached-late",
            "The target was reached in {0,number,#}, after the target year {1,number,#}."),
    /** target year, year of the figure used. */
    NOTE_JUDGED_AFTER_TARGET_YEAR("progress.note.judged-after-target-year",
            "There is no figure between the baseline and the target year {0,number,#}; the figure of {1,number,#} is used."),
    /** no arguments. */
    NOTE_DIRECTION_AGAINST_POLARITY("progress.note.direction-against-polarity",
            "The target asks for a change against the indicator''s preferred direction; the target is followed."),
    /** first year with both figures. */
    NOTE_COMPARATOR_START("progress.note.comparator-start",
            "The comparison starts in {0,number,#}, the first year from the baseline on in which both the region and the comparator have figures."),
    /** latest year of the region, year compared. */
    NOTE_COMPARATOR_LAGS("progress.note.comparator-lags",
            "The comparator has no figure for {0,number,#}; the comparison uses {1,number,#}.");

    private final String key;
    private final String template;

    Reason(String key, String template) {
        this.key = key;
        this.template = template;
    }

    /** Message-bundle key, e.g. {@code progress.reason.on-track}. */
    public String key() {
        return key;
    }

    /** English {@link java.text.MessageFormat} pattern. */
    public String template() {
        return template;
    }
}
