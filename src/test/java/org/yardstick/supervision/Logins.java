package org.yardstick.supervision;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The accounts the supervision tests act as: the demo's, plus a department of another organisation
 * (自治区党委网信办, {@value #OTHER_DEPARTMENT}, which has no part in the tasks the demo department leads) created on first use.
 */
final class Logins {

    static final String DEPARTMENT = "department";
    static final String OTHER_DEPARTMENT = "sup-test-wxb";
    static final String PLANNER = "planner";
    static final String ADMIN = "admin";
    static final String REPORTER = "reporter";

    private Logins() {}

    /** A request made by the account, with the principal the application itself would load. */
    static RequestPostProcessor as(UserDetailsService users, Accounts accounts, String username) {
        if (username.equals(OTHER_DEPARTMENT) && accounts.find(OTHER_DEPARTMENT).isEmpty()) {
            accounts.create(new NewAccount(OTHER_DEPARTMENT, "网信办（测试）", "Wx9#sup-Tq4m", Role.DEPARTMENT, null,
                    "xj-wxb", false), "test");
        }
        return user(users.loadUserByUsername(username));
    }
}
