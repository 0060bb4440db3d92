package org.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.YardstickTest;

/**
 * A stamp is never given twice: a copy read inside a transaction that was rolled back carries a stamp
 * that no later committed change has, so it is never taken for current. (With {@code stamp + 1} the
 * rolled-back stamp came back with the next change, and a test that disabled a rule in a rolled-back
 * transaction left the other tests' rule cache without that rule.)
 */
@YardstickTest
class CacheStampsTest {

    @Autowired CacheStamps stamps;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aStampSeenInARolledBackTransactionIsNeverSeenAgain() {
        var tx = new TransactionTemplate(transactions);
        long before = stamps.current("validation.rules");
        long seenInsideRollback = tx.execute(status -> {
            stamps.bump("validation.rules");
            long inside = stamps.current("validation.rules");
            status.setRollbackOnly();
            return inside;
        });
        assertThat(stamps.current("validation.rules")).isEqualTo(before);
        tx.executeWithoutResult(status -> stamps.bump("validation.rules"));
        long committed = stamps.current("validation.rules");
        assertThat(committed).isNotEqualTo(before).isNotEqualTo(seenInsideRollback);
    }
}
