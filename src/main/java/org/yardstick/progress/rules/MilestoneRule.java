package org.yardstick.progress.rules;


/**
 * The rule for qualitative milestones (基本建成…): no numbers, only a person's judgement. Without
 * one the milestone is {@link Status#NOT_ASSESSED}: what is missing is a judgement, not data.
 */
final class MilestoneRule {

    private MilestoneRule() {}

    static Assessment assess(TargetTerms t, Evidence e) {
        Draft d = new Draft(t);
        Judgement j = e.judgement();
        Integer asOf = e.asOfYear() != null ? e.asOfYear() : j != null ? Integer.valueOf(j.year()) : null;
        d.asOf = asOf;
        if (j != null && asOf != null && j.year() > asOf) {
            j = null; // not yet made as of the evaluation year
        }
        int target = t.targetYear();
        boolean past = asOf != null && asOf > target;
        if (j == null) {
            return past
                    ? d.build(Status.NOT_ASSESSED, null, Reason.NOT_JUDGED_OVERDUE, target)
                    : d.build(Status.NOT_ASSESSED, null, Reason.NOT_JUDGED);
        }
        if (j.verdict() == Verdict.ACHIEVED) {
            return d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, Reason.JUDGED_ACHIEVED, j.year(), j.note());
        }
        if (j.year() >= target) { // judged for the target year or later, and not achieved
            return d.build(Status.NOT_ACHIEVED, null, Reason.MILESTONE_MISSED, target, j.year(), j.note());
        }
        if (asOf >= target) { // the latest judgement is older than the target year
            return d.build(Status.CANNOT_BE_JUDGED, null, Reason.CANNOT_JUDGE_MILESTONE, target, j.year());
        }
        Reason r = switch (j.verdict()) {
            case ON_TRACK -> Reason.JUDGED_ON_TRACK;
            case AT_RISK -> Reason.JUDGED_AT_RISK;
            case OFF_TRACK, ACHIEVED -> Reason.JUDGED_OFF_TRACK;
        };
        return d.build(j.verdict().status(), null, r, j.year(), j.note());
    }
}
