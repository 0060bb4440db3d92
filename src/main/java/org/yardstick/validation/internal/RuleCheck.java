package org.yardstick.validation.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.observation.FigureCheck;
import org.yardstick.observation.Finding;
import org.yardstick.observation.Proposal;

/** The planners' validation rules as a check of proposed figures: at entry, import and submission. */
@Component
class RuleCheck implements FigureCheck {

    private final RuleCache rules;

    RuleCheck(RuleCache rules) {
        this.rules = rules;
    }

    @Override
    public List<Finding> check(Proposal proposal) {
        return rules.evaluator().check(proposal);
    }
}
