package org.yardstick;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every application test: the test clock back to {@link TestClock#DEFAULT} and nobody signed in
 * on the test's thread, whatever the test did or however it ended. Registered by {@link YardstickTest},
 * so a test that moves the clock or acts as an account needs no clean-up of its own. Wrong passwords are
 * forgotten too: the login throttle counts them in the database (issue 17), which outlives a test and, on
 * PostgreSQL, the run.
 */
public final class ResetTestState implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
        var app = SpringExtension.getApplicationContext(context);
        app.getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
        app.getBeanProvider(org.springframework.jdbc.core.simple.JdbcClient.class)
                .ifAvailable(jdbc -> jdbc.sql("delete from login_failure").update());
    }
}
