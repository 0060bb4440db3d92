package org.yardstick.progress.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yardstick.framework.Plan;

/** Makes evaluation reports: annual (年度评估), mid-term (中期评估) and final (总结评估). */
@Service
public class EvaluationReports {

    private final Evaluations evaluations;
    private final Clock clock;

    EvaluationReports(Evaluations evaluations, Clock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** The report of a kind as of a year (null: the kind's own year), from the figures approved now. */
    public Report report(Plan plan, ReportKind kind, @Nullable Integer asOf) {
        PlanEvaluation e = evaluations.evaluate(plan, kind, asOf, null);
        return new Report(kind, e.asOfYear() == null ? plan.endYear() : e.asOfYear(), e, LocalDate.now(clock));
    }
}
