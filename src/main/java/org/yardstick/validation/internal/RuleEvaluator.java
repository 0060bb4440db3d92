package org.yardstick.validation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;

/**
 * Applies a fixed set of rules to proposals, in memory (plain Java: build it with {@code new},
 * share it between threads). Only enabled rules count. A rule applies to a proposal when it is not
 * limited to another data set and the proposal's data set holds every indicator it reads. When the
 * proposal changes figures (entry, import), only rules that read a changed figure speak: a change
 * is judged by what it touches, and a figure nobody touched does not block it. A proposal that
 * changes nothing (submission, report) is judged by every rule.
 */
public final class RuleEvaluator {

    /** Rules that apply to a data set, computed once per data set and its list of indicators. */
    private record Applicable(List<DataSet.Item> items, ValidationRule[] rules) {}

    private final List<ValidationRule> rules;
    private final Map<Long, Applicable> byDataSet = new ConcurrentHashMap<>();

    public RuleEvaluator(Collection<ValidationRule> rules) {
        this.rules = rules.stream().filter(ValidationRule::enabled).toList();
    }

    /** The enabled rules it applies. */
    public List<ValidationRule> rules() {
        return rules;
    }

    /** Every finding of every applicable rule; empty when all hold. */
    public List<Finding> check(Proposal proposal) {
        ValidationRule[] applicable = applicable(proposal.dataSet());
        Set<String> changed = proposal.changed();
        List<Finding> findings = null;
        for (ValidationRule rule : applicable) {
            if (!changed.isEmpty() && !touches(rule, changed)) {
                continue;
            }
            Finding f = rule.condition().evaluate(rule, proposal);
            if (f != null) {
                if (findings == null) {
                    findings = new ArrayList<>(2);
                }
                findings.add(f);
            }
        }
        return findings == null ? List.of() : findings;
    }

    private static boolean touches(ValidationRule rule, Set<String> changed) {
        String other = rule.condition().otherIndicator();
        return changed.contains(rule.indicatorCode()) || (other != null && changed.contains(other));
    }

    private ValidationRule[] applicable(DataSet dataSet) {
        Applicable known = byDataSet.get(dataSet.id());
        if (known != null && known.items().equals(dataSet.items())) {
            return known.rules();
        }
        Map<String, Boolean> held = new HashMap<>();
        dataSet.items().forEach(i -> held.put(i.indicatorCode(), Boolean.TRUE));
        ValidationRule[] selected = rules.stream()
                .filter(r -> r.dataSetCode() == null || r.dataSetCode().equals(dataSet.code()))
                .filter(r -> r.indicators().stream().allMatch(held::containsKey))
                .toArray(ValidationRule[]::new);
        byDataSet.put(dataSet.id(), new Applicable(dataSet.items(), selected));
        return selected;
    }
}
