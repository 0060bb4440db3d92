package org.yardstick.validation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * The validation report (校验报告) of a data set and period: every region of the data set's level
 * inside the current account's region that has figures for the period, checked against every
 * enabled rule, whatever the figures' status. Two queries, then the rules in memory.
 */
@Service
public class ValidationReport {

    /** One finding: where, about which figure and its value (null if missing), by which rule. */
    public record Line(Region region, Finding finding, @Nullable BigDecimal value, ValidationRule rule) {}

    /** How often a rule spoke. */
    public record Count(ValidationRule rule, Severity severity, int findings, int regions) {}

    /**
     * @param regions the regions of the data set's level in scope
     * @param regionsWithFigures those with at least one figure for the period: the ones checked
     */
    public record Report(DataSet dataSet, Period period, Region scope, int regions, int regionsWithFigures,
                         List<Count> counts, List<Line> lines) {

        public long count(Severity s) {
            return lines.stream().filter(l -> l.finding().severity() == s).count();
        }
    }

    private final DataSets dataSets;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ReportFigures figures;
    private final ValidationRules rules;

    ValidationReport(DataSets dataSets, Regions regions, CurrentUser currentUser, ReportFigures figures,
                     ValidationRules rules) {
        this.dataSets = dataSets;
        this.regions = regions;
        this.currentUser = currentUser;
        this.figures = figures;
        this.rules = rules;
    }

    /**
     * Checks a data set's figures of one period in the current account's regions.
     *
     * @throws InvalidInputException if the period is not one of the data set's kind
     * @throws AccessDeniedException without an account that belongs to a region
     */
    @Transactional(readOnly = true)
    public Report run(String dataSetCode, String periodCode) {
        Account account = currentUser.account().filter(a -> a.regionCode() != null)
                .orElseThrow(() -> new AccessDeniedException("a report needs an account with a region"));
        DataSet dataSet = dataSets.get(dataSetCode);
        Period period = Period.parse(periodCode.strip()).filter(p -> p.type() == dataSet.periodType())
                .orElseThrow(() -> new InvalidInputException(InputProblem.of("report", 0, "period", periodCode,
                        CollectionProblem.WRONG_PERIOD_TYPE, dataSet.code(), dataSet.periodType().name().toLowerCase())));
        Region scope = regions.get(account.regionCode());
        // the regions of the data set's level in the account's subtree (its own region included)
        Map<String, Region> byCode = new LinkedHashMap<>();
        regions.within(scope, dataSet.regionLevel()).forEach(r -> byCode.put(r.code(), r));

        List<String> indicators = dataSet.items().stream().map(DataSet.Item::indicatorCode).toList();
        String previous = period.previousYear().code();
        Map<String, Map<String, BigDecimal>> now = new HashMap<>();
        Map<String, Map<String, BigDecimal>> before = new HashMap<>();
        for (ReportFigures.Figure f : figures.levels(indicators, scope.path(), dataSet.regionLevel(),
                List.of(period.code(), previous))) {
            (f.period().equals(period.code()) ? now : before).computeIfAbsent(f.regionCode(), k -> new HashMap<>())
                    .put(f.indicatorCode(), f.value());
        }

        // the figures broken down by category (分组), for the total-of-parts rule
        Map<String, java.util.List<String>> breakdowns = dataSets.breakdowns(dataSet.code());
        Map<String, Map<String, Map<String, BigDecimal>>> parts = new HashMap<>();
        if (!breakdowns.isEmpty()) {
            for (ReportFigures.Part f : figures.parts(indicators, scope.path(), dataSet.regionLevel(), period.code())) {
                parts.computeIfAbsent(f.regionCode(), k -> new HashMap<>())
                        .computeIfAbsent(f.indicatorCode(), k -> new HashMap<>()).put(f.category(), f.value());
            }
        }
        RuleEvaluator evaluator = rules.evaluator();
        Map<String, ValidationRule> ruleOf = new HashMap<>();
        evaluator.rules().forEach(r -> ruleOf.put(r.code(), r));
        List<Line> lines = new ArrayList<>();
        int checked = 0;
        for (Region region : byCode.values()) {
            Map<String, BigDecimal> values = now.get(region.code());
            if (values == null) {
                continue;
            }
            checked++;
            Proposal p = new Proposal(dataSet, region, period, values, before.getOrDefault(region.code(), Map.of()), Set.of(),
                    parts.getOrDefault(region.code(), Map.of()), breakdowns);
            for (Finding f : evaluator.check(p)) {
                lines.add(new Line(region, f, values.get(f.indicatorCode()), ruleOf.get(f.ruleCode())));
            }
        }
        lines.sort(Comparator.comparing((Line l) -> l.region().code())
                .thenComparing(l -> l.finding().severity(), Comparator.reverseOrder())
                .thenComparing(l -> l.finding().indicatorCode()).thenComparing(l -> l.rule().code()));
        return new Report(dataSet, period, scope, byCode.size(), checked, counts(lines), lines);
    }

    private static List<Count> counts(List<Line> lines) {
        Map<String, List<Line>> byRule = new LinkedHashMap<>();
        lines.forEach(l -> byRule.computeIfAbsent(l.rule().code(), k -> new ArrayList<>()).add(l));
        List<Count> counts = new ArrayList<>();
        byRule.forEach((code, ls) -> {
            Set<String> where = new HashSet<>();
            ls.forEach(l -> where.add(l.region().code()));
            ValidationRule rule = ls.get(0).rule();
            counts.add(new Count(rule, rule.severity(), ls.size(), where.size()));
        });
        counts.sort(Comparator.comparing(Count::severity, Comparator.reverseOrder())
                .thenComparing(Count::findings, Comparator.reverseOrder()).thenComparing(c -> c.rule().code()));
        return counts;
    }

    /** The periods of a data set a report can be asked for: those with a collection window, newest first. */
    public List<String> periods(DataSet dataSet) {
        return dataSet.windows().stream().map(DataSet.Window::period).sorted(Comparator.reverseOrder()).toList();
    }
}
