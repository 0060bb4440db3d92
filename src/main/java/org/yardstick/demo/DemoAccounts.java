package org.yardstick.demo;

import java.util.List;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The demo's accounts, one per role, all with the password {@value #PASSWORD} and flagged as demo
 * accounts in the interface. They exist only where the demo was loaded.
 */
final class DemoAccounts {

    static final String PASSWORD = "yardstick-demo";

    static final List<NewAccount> ALL = List.of(
            new NewAccount("admin", "系统管理员", PASSWORD, Role.ADMIN, "CN", null, true),
            new NewAccount("planner", "自治区规划处", PASSWORD, Role.PLANNER, "65", null, true),
            new NewAccount("reporter", "天山区填报人", PASSWORD, Role.REPORTER, "650102", null, true),
            new NewAccount("reviewer", "乌鲁木齐市审核人", PASSWORD, Role.REVIEWER, "6501", null, true),
            new NewAccount("reviewer-xj", "自治区审核人", PASSWORD, Role.REVIEWER, "65", null, true),
            new NewAccount("department", "自治区科技厅", PASSWORD, Role.DEPARTMENT, null, "xj-kjt", true),
            new NewAccount("enterprise", "新特能源", PASSWORD, Role.ENTERPRISE, null, "xj-xinte-energy", true));

    private DemoAccounts() {}

    static int create(Accounts accounts) {
        ALL.forEach(a -> accounts.create(a, DemoData.ACTOR));
        return ALL.size();
    }
}
