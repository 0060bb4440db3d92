package org.yardstick;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every application test: the test clock back to {@link TestClock#DEFAULT} and nobody signed in
 * on the test's thread, whatever the test did or however it ended. Registered by {@link YardstickTest},
 * so a test that moves the clock or acts as an account needs no clean-up of its own.
 */
public final class ResetTestState implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
        SpringExtension.getApplicationContext(context).getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
    }
}
