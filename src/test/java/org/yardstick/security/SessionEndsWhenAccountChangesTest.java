package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;

/**
 * Item 1 of the security review: a change to an account (disabled, demoted, moved, password reset)
 * takes effect on the sessions it has open, at their next request. Each test logs in for real (a
 * session with a cookie, as a browser has), changes the account, and lets the same session try.
 */
@YardstickTest
class SessionEndsWhenAccountChangesTest {

    static final String PASSWORD = "Kq7#vLm2pX9w";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;

    @BeforeEach
    void asThePlatform() {
        As.nobody();
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000;
    }

    private MockHttpSession login(String username) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/home")).andReturn().getRequest().getSession(false);
        assertThat(session).isNotNull();
        return session;
    }

    @Test
    void aDemotedAdministratorsOpenSessionCannotCreateAnAdministrator() throws Exception {
        String name = unique("ses-adm");
        accounts.create(new NewAccount(name, "会话测试管理员", PASSWORD, Role.ADMIN, "CN", null, false), "test");
        MockHttpSession session = login(name);
        mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isOk());

        Account admin = accounts.get(name);
        accounts.update(name, admin.version(), admin.displayName(), Role.PLANNER, "CN", null, true, "test");

        String created = unique("ses-new");
        mvc.perform(post("/admin/accounts/new").session(session).with(csrf())
                        .param("username", created).param("displayName", "越权创建").param("role", "ADMIN")
                        .param("regionCode", "CN").param("password", PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(accounts.find(created)).isEmpty();
        mvc.perform(get("/admin/accounts").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aDisabledReportersOpenSessionCannotSaveFigures() throws Exception {
        String name = unique("ses-rep");
        accounts.create(new NewAccount(name, "会话测试填报人", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        MockHttpSession session = login(name);
        mvc.perform(get("/collect/xj-county-info/650102/2025").session(session)).andExpect(status().isOk());

        Account reporter = accounts.get(name);
        accounts.update(name, reporter.version(), reporter.displayName(), Role.REPORTER, "650102", null, false, "test");

        mvc.perform(post("/collect/xj-county-info/650102/2025").session(session).with(csrf())
                        .param("value.INTERNET_PORTS", "123456"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/collect/xj-county-info/650102/2025").session(session))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aPasswordResetEndsTheSessionsOfTheOldPassword() throws Exception {
        String name = unique("ses-pwd");
        accounts.create(new NewAccount(name, "会话测试审核人", PASSWORD, Role.REVIEWER, "6501", null, false), "test");
        MockHttpSession session = login(name);
        mvc.perform(get("/review").session(session)).andExpect(status().isOk());

        accounts.resetPassword(name, "Zt5!nWq8rLp3", "test");

        mvc.perform(get("/review").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aReporterMovedToAnotherCountyNoLongerReportsForTheOldOne() throws Exception {
        String name = unique("ses-move");
        accounts.create(new NewAccount(name, "会话测试填报人", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        MockHttpSession session = login(name);
        mvc.perform(get("/collect/xj-county-info/650102/2025").session(session)).andExpect(status().isOk());

        Account reporter = accounts.get(name);
        accounts.update(name, reporter.version(), reporter.displayName(), Role.REPORTER, "650103", null, true, "test");

        mvc.perform(get("/collect/xj-county-info/650102/2025").session(session))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aNewNameAloneKeepsTheSession() throws Exception {
        String name = unique("ses-name");
        accounts.create(new NewAccount(name, "会话测试审核人", PASSWORD, Role.REVIEWER, "6501", null, false), "test");
        MockHttpSession session = login(name);

        Account reviewer = accounts.get(name);
        accounts.update(name, reviewer.version(), "改名后的审核人", Role.REVIEWER, "6501", null, true, "test");

        mvc.perform(get("/review").session(session)).andExpect(status().isOk());
    }
}
