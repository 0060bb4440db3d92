package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.YardstickTest;
import org.yardstick.validation.internal.RuleEvaluator;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * The rules are read from the database once and kept until one changes; a change that is rolled
 * back leaves nothing behind in memory. (Not transactional: it needs real commits and rollbacks;
 * it writes nothing that stays.)
 */
@YardstickTest
class RuleCacheTest {

    @Autowired ValidationRules rules;
    @Autowired TransactionTemplate transaction;
    @Autowired UserDetailsService users;

    @Test
    void checkingFiguresReusesTheRulesInMemory() {
        RuleEvaluator first = rules.evaluator();
        assertThat(rules.evaluator()).isSameAs(first);
        assertThat(first.rules()).extracting(ValidationRule::code).contains("ftth-le-bb");
    }

    @Test
    void aRolledBackChangeIsSeenByItsOwnTransactionOnlyAndForgottenAfterwards() {
        RuleEvaluator before = rules.evaluator();
        transaction.executeWithoutResult(status -> {
            StoredFigures.as(users, "planner", () -> rules.create(new RuleForm("cache-probe", "缓存探测", "", "range", "error",
                    "xj-county-info", "BB_USERS", "", "", "", "0", "", "", "", "true")));
            // inside the transaction the new rule counts
            assertThat(rules.evaluator().rules()).extracting(ValidationRule::code).contains("cache-probe");
            status.setRollbackOnly();
        });
        RuleEvaluator after = rules.evaluator();
        assertThat(after).isNotSameAs(before);
        assertThat(after.rules()).extracting(ValidationRule::code).doesNotContain("cache-probe");
        assertThat(rules.evaluator()).isSameAs(after);
    }
}
