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
    public static Assessment assess(Target target, Evidence evidence) {
        if (target.kind() == TargetKind.MILESTONE) {
            return MilestoneRule.assess(target, evidence);
        }
        if (target.kind() == TargetKind.COMPARATOR) {
            return ComparatorRule.assess(target, evidence);
        }
        if (target.kind().directionOnly()) {
            return DirectionRule.assess(target, evidence);
        }
        return LevelRule.assess(target, evidence);
    }

    /** The assessment of a target from its region's figures, as of the latest of them. */
    public static Assessment assess(Target target, Series observed) {
        return assess(target, Evidence.of(observed));
    }
}
