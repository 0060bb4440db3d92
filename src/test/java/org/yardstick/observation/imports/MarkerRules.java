package org.yardstick.observation.imports;

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
 * A validation rule for tests, active in every test context: an ERROR for the marker value
 * 13131313 and a WARNING for 42424242, values no real figure of the demo has. Lets the import tests
 * see rules run at import without depending on the rules module.
 */
@Component
public class MarkerRules implements FigureCheck {

    public static final BigDecimal ERROR = new BigDecimal("13131313");
    public static final BigDecimal WARNING = new BigDecimal("42424242");

    @Override
    public List<Finding> check(Proposal proposal) {
        List<Finding> findings = new ArrayList<>();
        for (String code : proposal.changed()) {
            BigDecimal v = proposal.values().get(code);
            if (v != null && v.compareTo(ERROR) == 0) {
                findings.add(new Finding(Severity.ERROR, code, CollectionProblem.TOO_LARGE, List.of(), "test-marker"));
            } else if (v != null && v.compareTo(WARNING) == 0) {
                findings.add(new Finding(Severity.WARNING, code, CollectionProblem.REQUIRED_MISSING, List.of(), "test-marker"));
            }
        }
        return findings;
    }
}
