package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.YardstickTest;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.ValidationProblem;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/**
 * Two planners save the same rule at the same time, both from the version they saw: one change is
 * kept, the other is a conflict, nothing is lost silently. Real threads and real commits.
 */
@YardstickTest
class ConcurrentRuleEditTest {

    static final String CODE = "concurrency-probe";

    @Autowired ValidationRules rules;
    @Autowired TransactionTemplate transaction;
    @Autowired UserDetailsService users;

    @AfterEach
    void removeTheProbe() {
        rules.find(CODE).ifPresent(r -> StoredFigures.as(users, "admin", () -> rules.delete(CODE, r.version())));
    }

    static RuleForm probe(String max) {
        return new RuleForm(CODE, "并发测试", "", "range", "warning", "", "FTTB_RATE", "", "", "", "0", max, "", "", "true");
    }

    @Test
    void ofTwoSimultaneousEditsOneWinsAndTheOtherIsAConflict() throws Exception {
        StoredFigures.as(users, "planner", () -> rules.create(probe("100")));
        int seen = rules.get(CODE).version();
        CountDownLatch firstHasWritten = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> attempt(seen, "90", () -> {
                firstHasWritten.countDown();
                // keep the transaction (and its row lock) open a moment so the second save runs into it
                awaitQuietly(new CountDownLatch(1), 300);
            }));
            Future<String> second = pool.submit(() -> {
                awaitQuietly(firstHasWritten, 10_000);
                return attempt(seen, "80", () -> { });
            });
            List<String> outcomes = new ArrayList<>(List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)));
            assertThat(outcomes).containsExactlyInAnyOrder("saved", "conflict");
            ValidationRule now = rules.get(CODE);
            assertThat(now.version()).isEqualTo(seen + 1);
            String kept = outcomes.get(0).equals("saved") ? "90" : "80";
            assertThat(((Condition.Range) now.condition()).max()).isEqualByComparingTo(kept);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Saves the probe with a new maximum in its own transaction; "saved" or "conflict". */
    String attempt(int version, String max, Runnable beforeCommit) {
        String[] outcome = new String[1];
        StoredFigures.as(users, "planner", () -> {
            try {
                transaction.executeWithoutResult(status -> {
                    rules.update(CODE, version, probe(max));
                    beforeCommit.run();
                });
                outcome[0] = "saved";
            } catch (InvalidInputException e) {
                assertThat(e.problems()).extracting(InputProblem::kind).containsOnly(ValidationProblem.CONFLICT);
                outcome[0] = "conflict";
            }
        });
        return outcome[0];
    }

    static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
