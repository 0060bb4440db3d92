package org.yardstick.validation.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A rule as a planner writes it, every field as text: what the editor's form posts and what a line
 * of {@code validation-rules.yaml} holds. Fields that the chosen kind does not use are ignored.
 *
 * @param kind {@code RANGE}, {@code REQUIRED}, {@code COMPARISON} or {@code YOY_CHANGE} (any case)
 * @param severity {@code WARNING} or {@code ERROR}
 * @param dataSet the data set the rule is limited to; blank for every data set
 * @param other COMPARISON: the indicator compared with; REQUIRED: the figure that makes this one required
 * @param operator COMPARISON: {@code <}, {@code <=}/{@code ≤}, {@code =}, {@code >=}/{@code ≥}, {@code >} or lt, le …
 * @param factor COMPARISON: what the other figure is multiplied by; blank for 1
 * @param threshold YOY_CHANGE: the change in percent beyond which the rule speaks; TOTAL_OF_PARTS: the
 *     tolerance in percent of the total (blank: exactly)
 * @param direction YOY_CHANGE: {@code EITHER} (blank), {@code UP} or {@code DOWN}
 * @param enabled {@code true}/{@code on} for an enabled rule
 */
public record RuleForm(
        @Nullable String code, @Nullable String nameZh, @Nullable String nameEn, @Nullable String kind,
        @Nullable String severity, @Nullable String dataSet, @Nullable String indicator, @Nullable String other,
        @Nullable String operator, @Nullable String factor, @Nullable String min, @Nullable String max,
        @Nullable String threshold, @Nullable String direction, @Nullable String enabled) {

    /** An empty form for a new rule of a kind: an enabled error. */
    public static RuleForm blank(RuleKind kind) {
        return new RuleForm("", "", "", kind.name(), "ERROR", "", "", "", kind == RuleKind.COMPARISON ? "LE" : "",
                "", "", "", "", kind == RuleKind.YOY_CHANGE ? "EITHER" : "", "true");
    }

    /** The form that shows a stored rule. */
    public static RuleForm of(ValidationRule r) {
        String other = r.condition().otherIndicator();
        String operator = "";
        String factor = "";
        String min = "";
        String max = "";
        String threshold = "";
        String direction = "";
        if (r.condition() instanceof Condition.Range range) {
            min = text(range.min());
            max = text(range.max());
        } else if (r.condition() instanceof Condition.Comparison c) {
            operator = c.operator().name();
            factor = text(c.factor());
        } else if (r.condition() instanceof Condition.YearOnYear y) {
            threshold = text(y.thresholdPercent());
            direction = y.direction().name();
        } else if (r.condition() instanceof Condition.TotalOfParts t) {
            threshold = text(t.tolerancePercent());
        }
        return new RuleForm(r.code(), r.name().zh(), r.name().en(), r.kind().name(), r.severity().name(),
                r.dataSetCode() == null ? "" : r.dataSetCode(), r.indicatorCode(), other == null ? "" : other, operator,
                factor, min, max, threshold, direction, Boolean.toString(r.enabled()));
    }

    /** The same form for another kind (the editor switches kinds without losing what was typed). */
    public RuleForm withKind(RuleKind k) {
        return new RuleForm(code, nameZh, nameEn, k.name(), severity, dataSet, indicator, other,
                blank(operator) && k == RuleKind.COMPARISON ? "LE" : operator, factor, min, max, threshold,
                blank(direction) && k == RuleKind.YOY_CHANGE ? "EITHER" : direction, enabled);
    }

    /** The same form with another code (an edit keeps the code of the rule it edits). */
    public RuleForm withCode(String c) {
        return new RuleForm(c, nameZh, nameEn, kind, severity, dataSet, indicator, other, operator, factor, min, max,
                threshold, direction, enabled);
    }

    public boolean isEnabled() {
        return enabled != null && (enabled.equalsIgnoreCase("true") || enabled.equalsIgnoreCase("on")
                || enabled.equalsIgnoreCase("yes"));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String text(@Nullable BigDecimal v) {
        return v == null ? "" : Condition.plain(v);
    }
}
