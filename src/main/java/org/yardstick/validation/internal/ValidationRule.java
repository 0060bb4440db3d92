package org.yardstick.validation.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Severity;
import org.yardstick.shared.LocalizedText;

/**
 * A validation rule (校验规则): a condition on the figures of one indicator of a region and period,
 * and what a violation is — a warning shown beside the figure or an error that stops it.
 *
 * @param code the rule's identity, shown in reports ({@code ftth-le-bb})
 * @param dataSetCode the data set it is limited to; null for every data set holding its indicators
 * @param indicatorCode the figure the condition is about (the left side of a comparison)
 * @param version the optimistic lock: changes name the version they saw
 */
public record ValidationRule(
        long id, String code, LocalizedText name, Severity severity, boolean enabled, @Nullable String dataSetCode,
        String indicatorCode, Condition condition, int version, String updatedBy, @Nullable Instant updatedAt) {

    public RuleKind kind() {
        return condition.kind();
    }

    /** The indicators the rule reads: its own and the condition's other one. */
    public List<String> indicators() {
        String other = condition.otherIndicator();
        return other == null ? List.of(indicatorCode) : List.of(indicatorCode, other);
    }

    /** A finding of this rule about a figure. */
    Finding finding(String indicator, ValidationProblem kind, Object... args) {
        return new Finding(severity, indicator, kind, List.of(args), code);
    }
}
