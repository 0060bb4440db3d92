package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.security.internal.AccountProblem;

/**
 * Items 11 and 9 (accounts) of the security review: common and trivial passwords are refused, not
 * only short ones; passwords bcrypt would cut (over 72 bytes) and display names longer than their
 * column are field errors, never a 500; the demo's seeded accounts still work.
 */
@YardstickTest
class PasswordRulesTest {

    static final String PASSWORD = SessionEndsWhenAccountChangesTest.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void asThePlatform() {
        As.nobody();
    }

    @Test
    void commonAndTrivialPasswordsAreRefused() {
        for (String common : List.of("password123", "1234567890", "qwertyuiop", "iloveyou12", "Password2024!",
                "woaini1314520", "Admin12345")) {
            assertThat(PasswordRules.check(common)).as(common).hasValueSatisfying(r ->
                    assertThat(r.kind()).isIn(AccountProblem.COMMON_PASSWORD, AccountProblem.GUESSABLE_PASSWORD));
        }
        assertThat(PasswordRules.check("password123")).hasValueSatisfying(r ->
                assertThat(r.kind()).isEqualTo(AccountProblem.COMMON_PASSWORD));
        assertThat(PasswordRules.check("aaaaaaaaaaaa")).hasValueSatisfying(r ->
                assertThat(r.kind()).isEqualTo(AccountProblem.GUESSABLE_PASSWORD));
        assertThat(PasswordRules.check("xinjiang2025")).isPresent();
        assertThat(PasswordRules.check("short")).hasValueSatisfying(r ->
                assertThat(r.kind()).isEqualTo(AccountProblem.WEAK_PASSWORD));
        // the account's own name does not make a password
        assertThat(PasswordRules.check("tianshan-reporter-x", "tianshan-reporter", "天山区填报人")).isPresent();
        assertThat(PasswordRules.check(PASSWORD)).isEmpty();
        assertThat(PasswordRules.check("Tianshan-7-Qx-river")).isEmpty();
        assertThat(PasswordRules.check("correct-horse-battery-staple")).as("the famous example is a common password by now").isPresent();
    }

    @Test
    void theAccountFormNamesFieldAndReasonInBothLanguages() throws Exception {
        String name = SessionEndsWhenAccountChangesTest.unique("pw-common");
        mvc.perform(post("/admin/accounts/new").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("username", name).param("displayName", "常见密码").param("role", "REPORTER")
                        .param("regionCode", "650102").param("password", "password123"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("密码（至少10个字符，不能是常见或易猜的密码）: 是或基于最常见的密码之一")));
        mvc.perform(post("/admin/accounts/new").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("lang", "en").param("username", name).param("displayName", "common").param("role", "REPORTER")
                        .param("regionCode", "650102").param("password", "qwertyuiop12"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Password (at least 10 characters, not a common or easily guessed one): is")));
        assertThat(accounts.find(name)).isEmpty();
    }

    @Test
    void aResetToATrivialPasswordIsRefusedAndTheOldOneStays() throws Exception {
        String name = SessionEndsWhenAccountChangesTest.unique("pw-reset");
        accounts.create(new NewAccount(name, "重置测试", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        String before = hash(name);
        mvc.perform(post("/admin/accounts/" + name + "/password").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("password", "aaaaaaaaaaaaaaa"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("太容易被猜中")));
        assertThat(hash(name)).isEqualTo(before);
    }

    @Test
    void theDemoAccountsAreSeededWithTheirPublishedPassword() throws Exception {
        assertThat(accounts.get("reviewer-xj").demo()).isTrue();
        mvc.perform(formLogin().user("reviewer-xj").password("yardstick-demo")).andExpect(redirectedUrl("/home"));
    }

    @Test
    void aPasswordBcryptWouldCutIsAFieldErrorNotA500() throws Exception {
        String name = SessionEndsWhenAccountChangesTest.unique("pw-long");
        String longPassword = "天山区" + "x9K#".repeat(17);   // 9 + 68 bytes
        mvc.perform(post("/admin/accounts/new").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("username", name).param("displayName", "长密码").param("role", "REPORTER")
                        .param("regionCode", "650102").param("password", longPassword))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("UTF-8编码后有77字节，最多允许72字节")));
        assertThat(accounts.find(name)).isEmpty();

        accounts.create(new NewAccount(name, "长密码", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        String before = hash(name);
        mvc.perform(post("/admin/accounts/" + name + "/password").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("password", "a".repeat(5000)))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("5000字节")));
        assertThat(hash(name)).isEqualTo(before);
        // logging in with one is a wrong password, for a known account and an unknown one
        mvc.perform(formLogin().user(name).password("b".repeat(100))).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(name + "-nobody").password("b".repeat(100))).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aDisplayNameLongerThanItsColumnIsAFieldErrorAndNothingIsLost() throws Exception {
        String name = SessionEndsWhenAccountChangesTest.unique("pw-name");
        mvc.perform(post("/admin/accounts/new").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("username", name).param("displayName", "名".repeat(201)).param("role", "REPORTER")
                        .param("regionCode", "650102").param("password", PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("姓名/名称: 有201个字符，最多允许200个字符"),
                        containsString("value=\"" + name + "\""))));
        assertThat(accounts.find(name)).isEmpty();

        accounts.create(new NewAccount(name, "长名称", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        Account before = accounts.get(name);
        mvc.perform(post("/admin/accounts/" + name).with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("displayName", "n".repeat(4001)).param("role", "REPORTER").param("regionCode", "650102")
                        .param("enabled", "true").param("version", Integer.toString(before.version())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("有4001个字符，最多允许200个字符")));
        assertThat(accounts.get(name)).isEqualTo(before);
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from account where username = ?").param(username).query(String.class).single();
    }
}
