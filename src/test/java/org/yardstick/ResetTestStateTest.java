package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A test that leaves the clock moved and an account signed in; the next one starts clean all the same. */
@YardstickTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetTestStateTest {

    @Autowired
    TestClock clock;

    @Autowired
    UserDetailsService accounts;

    @Test
    @Order(1)
    void leavesTheClockMovedAndAnAccountSignedIn() {
        clock.set(Instant.parse("2031-01-01T00:00:00Z"));
        As.user(accounts, "admin");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }

    @Test
    @Order(2)
    void startsOnTheDefaultClockWithNobodySignedIn() {
        assertThat(clock.instant()).isEqualTo(TestClock.DEFAULT);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
