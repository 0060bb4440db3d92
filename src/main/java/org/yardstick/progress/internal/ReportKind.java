package org.yardstick.progress.internal;

import java.util.Optional;
import org.yardstick.framework.Plan;

/** The three evaluations Chinese planning practice requires, and the year each speaks for by default. */
public enum ReportKind {
    /** 年度评估: the plan as of the latest year with figures. */
    ANNUAL("annual"),
    /** 中期评估: the plan half way through its period (2016–2020: 2018). */
    MID_TERM("mid-term"),
    /** 总结评估: the plan at its end year. */
    FINAL("final");

    private final String code;

    ReportKind(String code) {
        this.code = code;
    }

    /** The code in URLs: {@code annual}, {@code mid-term}, {@code final}. */
    public String code() {
        return code;
    }

    public static Optional<ReportKind> of(String code) {
        for (ReportKind k : values()) {
            if (k.code.equalsIgnoreCase(code) || k.name().equalsIgnoreCase(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The year the report speaks for when none is chosen; {@code latest} is the latest year with figures. */
    public int defaultAsOf(Plan plan, int latest) {
        return switch (this) {
            case ANNUAL -> latest;
            case MID_TERM -> plan.startYear() + (plan.endYear() - plan.startYear()) / 2;
            case FINAL -> plan.endYear();
        };
    }
}
