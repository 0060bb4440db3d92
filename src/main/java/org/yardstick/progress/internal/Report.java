package org.yardstick.progress.internal;

import java.time.LocalDate;

/**
 * An evaluation report (评估报告) of a plan: its kind, the year it speaks for, the evaluation, and
 * the day it was made.
 */
public record Report(ReportKind kind, int asOf, PlanEvaluation evaluation, LocalDate generatedOn) {

    /** The code of the report's kind, for message keys and URLs. */
    public String kindCode() {
        return kind.code();
    }
}
