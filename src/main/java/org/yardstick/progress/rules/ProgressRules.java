package org.yardstick.progress.rules;

import org.yardstick.framework.TargetKind;

/**
 * Assesses a target against the figures observed: progress in %, the annual rate achieved versus
 * the rate required, projections to the target year, and a status with its reason.
 *
 * <p>The status follows Statistics Canada's SDG progress method (as used by the Open SDG national
 * reporting platforms): with {@code CAGR_obs = (y_t / y_0)^(1/(t − t_0)) − 1} and
 * {@code CAGR_req = (y_T / y_0)^(1/(T − t_0)) − 1}, the ratio {@code R = d · CAGR_obs / |CAGR_req|}
 * (d = +1 when the target lies above, −1 below) gives on track for R ≥ 0.95, at risk ("progress
 * made but acceleration needed") for 0.6 ≤ R &lt; 0.95 and off track below ("limited progress",
 * "deterioration"). At the method's edges ({@link StatCan}): a start or target of zero is replaced by
 * 0.001, a series below zero flips the direction ({@code R = s · d · CAGR_obs / |CAGR_req|}, s = −1),
 * figures or a target across zero cannot be assessed, and targets that give only a direction
 * ({@code increase}, {@code decrease}) grade {@code d · CAGR} against 1.5% and 0.5% a year, scaled
 * near a natural limit. Counts use linear rates {@code (y_t − y_0)/(t − t_0)}. A target met by the
 * latest figure is achieved; one not met when the target year has passed is off track (missed) — a
 * departure from the method, noted on the assessment like every other. Each kind's level and the
 * handling of qualifiers is in {@code docs/progress-rules.md}.
 */
public final class ProgressRules {

    private ProgressRules() {}

    /** The assessment of a target given what is known. */
    public static Assessment assess(TargetTerms target, Evidence evidence) {
        Assessment a;
        if (target.kind() == TargetKind.MILESTONE) {
            a = MilestoneRule.assess(target, evidence);
        } else if (target.kind() == TargetKind.COMPARATOR) {
            a = ComparatorRule.assess(target, evidence);
        } else if (target.kind().directionOnly()) {
            a = DirectionRule.assess(target, evidence);
        } else {
            a = LevelRule.assess(target, evidence);
        }
        return settle(a, evidence);
    }

    /**
     * From the target year on only three statuses are true: achieved, not achieved (a figure of the
     * target year or later misses it; the rules give that one), or cannot be judged. Whatever else a
     * rule said as of a year at or after the target year — on track from a figure six years old, at
     * risk, insufficient data — becomes {@link Status#CANNOT_BE_JUDGED}, naming the latest figure's year.
     * A milestone nobody has judged stays {@link Status#NOT_ASSESSED}: the judgement is missing, not data.
     */
    static Assessment settle(Assessment a, Evidence e) {
        Integer asOf = a.asOfYear();
        if (asOf == null || asOf < a.targetYear() || a.status().isFinal() || a.status() == Status.NOT_ASSESSED) {
            return a;
        }
        Figure newest = e.observed().upTo(asOf).latest();
        Message why;
        if (a.status() == Status.INSUFFICIENT_DATA && e.observed().at(a.targetYear()) != null) {
            why = a.reason(); // the target year's figure exists; the rule's own reason says what else is missing
        } else if (newest != null) {
            why = Message.of(Reason.CANNOT_JUDGE, a.targetYear(), newest.year());
        } else {
            why = Message.of(Reason.CANNOT_JUDGE_NO_FIGURE, a.targetYear());
        }
        return new Assessment(a.kind(), Status.CANNOT_BE_JUDGED, null, why, a.notes(), asOf, a.start(), a.latest(),
                a.targetLevel(), a.targetLevelHigh(), a.targetYear(), a.progressPercent(), a.expected(), a.rates(),
                a.projection());
    }

    /** The assessment of a target from its region's figures, as of the latest of them. */
    public static Assessment assess(TargetTerms target, Series observed) {
        return assess(target, Evidence.of(observed));
    }
}
