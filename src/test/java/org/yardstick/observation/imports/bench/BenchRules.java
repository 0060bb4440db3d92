package org.yardstick.observation.imports.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.observation.CollectionProblem;
import org.yardstick.observation.FigureCheck;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;
import org.yardstick.observation.Severity;

/**
 * Validation rules of the bench's own data set, run on every region and month of the benchmark as
 * real rules would be: a range on every figure and a comparison between two indicators. The
 * generated data satisfies them, so they cost their time without stopping the import.
 */
@Component
public class BenchRules implements FigureCheck {

    private static final BigDecimal MAX = new BigDecimal("1e7");

    @Override
    public List<Finding> check(Proposal proposal) {
        if (!proposal.dataSet().code().equals(BenchData.DATA_SET)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String code : proposal.changed()) {
            BigDecimal v = proposal.values().get(code);
            if (v.signum() < 0 || v.compareTo(MAX) > 0) {
                findings.add(new Finding(Severity.ERROR, code, CollectionProblem.TOO_LARGE, List.of(), "bench-range"));
            }
        }
        BigDecimal first = proposal.values().get(BenchData.indicator(0));
        BigDecimal second = proposal.values().get(BenchData.indicator(1));
        if (first != null && second != null && second.compareTo(first.multiply(MAX)) > 0) {
            findings.add(new Finding(Severity.ERROR, BenchData.indicator(1), CollectionProblem.TOO_LARGE, List.of(),
                    "bench-comparison"));
        }
        return findings;
    }
}
