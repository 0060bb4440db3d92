package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditTrail;

/** Accounts: administration with every change audited, login, security headers (throttling: {@link LoginThrottleTest}). */
@YardstickTest
class AccountsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdministratorCreatesAndChangesAnAccountAndTheTrailHasBoth() throws Exception {
        String name = "rep-" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/accounts/new").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("username", name).param("displayName", "沙依巴克区填报人").param("role", "REPORTER")
                        .param("regionCode", "650103").param("password", "Kq7#vLm2pX9w"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/accounts/" + name));
        Account created = accounts.get(name);
        assertThat(created.regionCode()).isEqualTo("650103");
        mvc.perform(post("/admin/accounts/" + name).with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("displayName", "沙依巴克区填报人").param("role", "REVIEWER").param("regionCode", "6501")
                        .param("enabled", "true").param("version", Integer.toString(created.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(audit.history("account", created.id())).extracting(e -> e.action() + ":" + e.field())
                .contains("create:role", "update:role", "update:region");
        assertThat(jdbc.sql("select password_hash from account where username = ?").param(name).query(String.class).single())
                .startsWith("{bcrypt}").doesNotContain("Kq7#vLm2pX9w");
    }

    @Test
    void badAccountInputIsNamedFieldByFieldAndNothingIsCreated() throws Exception {
        long before = accounts.count();
        mvc.perform(post("/admin/accounts/new").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("username", "a b").param("displayName", "").param("role", "DEPARTMENT").param("password", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("应为3至64位字母"), containsString("至少需要10个字符"),
                        containsString("必须指定单位"), containsString("value=\"a b\""))));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void twoAdministratorsCannotOverwriteEachOther() throws Exception {
        Account enterprise = accounts.get("enterprise");
        mvc.perform(post("/admin/accounts/enterprise").with(user(details.loadUserByUsername("admin"))).with(csrf())
                        .param("displayName", "新特能源").param("role", "ENTERPRISE").param("organisationCode", "xj-xinte-energy")
                        .param("enabled", "true").param("version", Integer.toString(enterprise.version() - 1)))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("已被他人修改")));
    }

    @Test
    void loginWorks() throws Exception {
        String name = "login-" + System.nanoTime() % 100000;
        accounts.create(new NewAccount(name, "登录测试", "Kq7#vLm2pX9w", Role.REPORTER, "650102", null, false), "test");
        mvc.perform(formLogin().user(name).password("Kq7#vLm2pX9w")).andExpect(redirectedUrl("/home"));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/")).andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void theAuditTrailExportsAsCsvForExcel() throws Exception {
        byte[] csv = mvc.perform(get("/audit/export.csv").param("entityType", "account")
                        .with(user(details.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,at,actor,action,entity_type").contains(",account,");
    }
}
