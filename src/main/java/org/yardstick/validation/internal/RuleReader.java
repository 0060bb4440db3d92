package org.yardstick.validation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.Severity;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.ProblemKind;

/**
 * Reads a rule as written ({@link RuleForm}) into a {@link ValidationRule}, checking every field
 * against the indicators and data sets that exist. Plain Java; all problems are reported at once,
 * each under the form's field name ({@code code}, {@code nameZh}, {@code indicator}, {@code min} …).
 */
public final class RuleReader {

    /** What rules may refer to: indicator codes, and the indicators of each data set by its code. */
    record Catalog(Set<String> indicators, Map<String, Set<String>> dataSets) {}

    static final int MAX_NAME_ZH = 200;
    static final int MAX_NAME_EN = 300;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    private final Catalog catalog;

    RuleReader(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The rule a form describes.
     *
     * @param source where the form came from, for problems ({@code form} or a file name)
     * @throws InvalidInputException with every problem of every field
     */
    public ValidationRule read(RuleForm f, String source, long id, int version, String by) {
        Fields in = new Fields(source);
        String code = in.text("code", f.code());
        if (!code.isEmpty() && !CODE.matcher(code).matches()) {
            in.problem("code", code, FileProblem.BAD_CODE);
        }
        String nameZh = in.text("nameZh", f.nameZh());
        in.limit("nameZh", nameZh, MAX_NAME_ZH);
        String nameEn = f.nameEn() == null ? "" : f.nameEn().strip();
        in.limit("nameEn", nameEn, MAX_NAME_EN);
        RuleKind kind = in.choice("kind", f.kind(), RuleKind.class, null);
        Severity severity = in.choice("severity", f.severity(), Severity.class, null);
        String dataSet = f.dataSet() == null ? "" : f.dataSet().strip();
        Set<String> dataSetIndicators = null;
        if (!dataSet.isEmpty()) {
            dataSetIndicators = catalog.dataSets().get(dataSet);
            if (dataSetIndicators == null) {
                in.problem("dataSet", dataSet, ValidationProblem.UNKNOWN_DATA_SET);
            }
        }
        String indicator = in.text("indicator", f.indicator());
        in.indicator("indicator", indicator, dataSet, dataSetIndicators);
        Condition condition = kind == null ? null : switch (kind) {
            case RANGE -> range(in, f);
            case REQUIRED -> required(in, f, indicator, dataSet, dataSetIndicators);
            case COMPARISON -> comparison(in, f, indicator, dataSet, dataSetIndicators);
            case YOY_CHANGE -> yearOnYear(in, f);
            case TOTAL_OF_PARTS -> totalOfParts(in, f);
        };
        if (!in.problems.isEmpty()) {
            throw new InvalidInputException(in.problems);
        }
        return new ValidationRule(id, code, LocalizedText.of(nameZh, nameEn), severity, f.isEnabled(),
                dataSet.isEmpty() ? null : dataSet, indicator, condition, version, by, null);
    }

    private static Condition.@Nullable Range range(Fields in, RuleForm f) {
        BigDecimal min = in.number("min", f.min());
        BigDecimal max = in.number("max", f.max());
        if (in.isBlank(f.min()) && in.isBlank(f.max())) {
            in.problem("min", "", ValidationProblem.NO_BOUND);
            return null;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            in.problem("max", f.max(), ValidationProblem.MIN_ABOVE_MAX, Condition.plain(min));
            return null;
        }
        return in.failed("min", "max") || (min == null && max == null) ? null : new Condition.Range(min, max);
    }

    private Condition.@Nullable Required required(Fields in, RuleForm f, String indicator, String dataSet,
                                                   @Nullable Set<String> held) {
        String when = f.other() == null ? "" : f.other().strip();
        if (when.isEmpty()) {
            return new Condition.Required(null);
        }
        in.other(when, indicator, dataSet, held);
        return new Condition.Required(when);
    }

    private Condition.@Nullable Comparison comparison(Fields in, RuleForm f, String indicator, String dataSet,
                                                      @Nullable Set<String> held) {
        String other = in.text("other", f.other());
        if (!other.isEmpty()) {
            in.other(other, indicator, dataSet, held);
        }
        Operator operator = null;
        if (in.isBlank(f.operator())) {
            in.problem("operator", "", FileProblem.MISSING_FIELD);
        } else {
            operator = Operator.parse(f.operator()).orElse(null);
            if (operator == null) {
                in.problem("operator", f.operator(), FileProblem.NOT_ONE_OF, Operator.spellings());
            }
        }
        BigDecimal factor = in.isBlank(f.factor()) ? BigDecimal.ONE : in.positive("factor", f.factor());
        return operator == null || factor == null || other.isEmpty() ? null
                : new Condition.Comparison(operator, other, factor);
    }

    private static Condition.@Nullable YearOnYear yearOnYear(Fields in, RuleForm f) {
        BigDecimal threshold = null;
        if (in.isBlank(f.threshold())) {
            in.problem("threshold", "", FileProblem.MISSING_FIELD);
        } else {
            threshold = in.positive("threshold", f.threshold());
        }
        Direction direction = in.choice("direction", f.direction(), Direction.class, Direction.EITHER);
        return threshold == null || direction == null ? null : new Condition.YearOnYear(threshold, direction);
    }

    /** 合计等于分项之和: the tolerance (%, in {@code threshold}) may be blank (exactly) or 0 and above. */
    private static Condition.@Nullable TotalOfParts totalOfParts(Fields in, RuleForm f) {
        if (in.isBlank(f.threshold())) {
            return new Condition.TotalOfParts(BigDecimal.ZERO);
        }
        BigDecimal tolerance = in.number("threshold", f.threshold());
        if (tolerance == null) {
            return null;
        }
        if (tolerance.signum() < 0) {
            in.problem("threshold", f.threshold(), ValidationProblem.NEGATIVE);
            return null;
        }
        return new Condition.TotalOfParts(tolerance);
    }

    /** The fields read so far and their problems. */
    private final class Fields {
        final String source;
        final List<InputProblem> problems = new ArrayList<>();

        Fields(String source) {
            this.source = source;
        }

        void problem(String field, @Nullable String value, ProblemKind kind, Object... args) {
            problems.add(InputProblem.of(source, 0, field, value, kind, args));
        }

        boolean isBlank(@Nullable String s) {
            return s == null || s.isBlank();
        }

        boolean failed(String... fields) {
            Set<String> names = Set.of(fields);
            return problems.stream().anyMatch(p -> names.contains(p.field()));
        }

        /** A required text field, stripped; a problem if blank. */
        String text(String field, @Nullable String value) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                problem(field, "", FileProblem.MISSING_FIELD);
            }
            return v;
        }

        void limit(String field, String value, int max) {
            if (value.length() > max) {
                problem(field, value, ValidationProblem.TOO_LONG, max);
            }
        }

        <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type, @Nullable E fallback) {
            if (isBlank(value)) {
                if (fallback == null) {
                    problem(field, "", FileProblem.MISSING_FIELD);
                }
                return fallback;
            }
            String v = value.strip().replace('-', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v)) {
                    return e;
                }
            }
            problem(field, value, FileProblem.NOT_ONE_OF, Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            return null;
        }

        /** An optional number; null when blank or wrong (with a problem). */
        @Nullable BigDecimal number(String field, @Nullable String value) {
            if (isBlank(value)) {
                return null;
            }
            String text = value.strip().replace(",", "").replace("，", "").replace("_", "");
            BigDecimal v;
            try {
                v = new BigDecimal(text);
            } catch (NumberFormatException e) {
                problem(field, value, FileProblem.NOT_A_NUMBER);
                return null;
            }
            if (v.abs().compareTo(LIMIT) > 0) {
                problem(field, value, CollectionProblem.TOO_LARGE);
                return null;
            }
            if (v.stripTrailingZeros().scale() > 8) {
                problem(field, value, CollectionProblem.TOO_PRECISE);
                return null;
            }
            return v;
        }

        @Nullable BigDecimal positive(String field, String value) {
            BigDecimal v = number(field, value);
            if (v != null && v.signum() <= 0) {
                problem(field, value, ValidationProblem.NOT_POSITIVE);
                return null;
            }
            return v;
        }

        void indicator(String field, String code, String dataSet, @Nullable Set<String> held) {
            if (code.isEmpty()) {
                return;
            }
            if (!catalog.indicators().contains(code)) {
                problem(field, code, ValidationProblem.UNKNOWN_INDICATOR);
            } else if (held != null && !held.contains(code)) {
                problem(field, code, ValidationProblem.NOT_IN_DATA_SET, dataSet);
            }
        }

        void other(String other, String indicator, String dataSet, @Nullable Set<String> held) {
            if (other.equals(indicator)) {
                problem("other", other, ValidationProblem.SAME_INDICATOR, indicator);
            } else {
                indicator("other", other, dataSet, held);
            }
        }
    }
}
