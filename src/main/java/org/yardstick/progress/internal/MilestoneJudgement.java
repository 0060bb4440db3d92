package org.yardstick.progress.internal;

import java.time.Instant;
import org.yardstick.progress.rules.Judgement;
import org.yardstick.progress.rules.Verdict;

/**
 * A planner's judgement of a qualitative milestone target (基本建成…) for a year, with why; one of
 * the milestone's history, which only grows.
 *
 * @param year the year the judgement speaks for
 * @param judgedBy the username of who made it
 */
public record MilestoneJudgement(long id, long targetId, Verdict verdict, int year, String note, String judgedBy,
                                 Instant judgedAt) {

    /** The judgement as the progress rules read it. */
    public Judgement rule() {
        return new Judgement(verdict, year, note);
    }
}
