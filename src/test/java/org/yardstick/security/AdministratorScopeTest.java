package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.shared.InvalidInputException;

/**
 * Item 2 of the security review: an administrator scoped to a region (here 新疆, 65) manages only the
 * accounts inside it and grants only scopes inside it, its own included. Each test is an attack that
 * worked before: creating a national administrator, widening the own scope to CN, taking over a
 * national administrator by resetting its password; through the pages and through {@link Accounts}.
 */
@YardstickTest
class AdministratorScopeTest {

    static final String PASSWORD = "Kq7#vLm2pX9w";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;

    String xjAdmin;
    String nationalAdmin;

    @BeforeEach
    void twoAdministrators() {
        As.nobody();
        xjAdmin = SessionEndsWhenAccountChangesTest.unique("scope-xj");
        nationalAdmin = SessionEndsWhenAccountChangesTest.unique("scope-cn");
        accounts.create(new NewAccount(xjAdmin, "新疆管理员", PASSWORD, Role.ADMIN, "65", null, false), "test");
        accounts.create(new NewAccount(nationalAdmin, "全国管理员", PASSWORD, Role.ADMIN, "CN", null, false), "test");
    }

    @AfterEach
    void platformAgain() {
        As.nobody();
    }

    private RequestPostProcessor asXj() {
        return user(details.loadUserByUsername(xjAdmin));
    }

    private String hash(String username) {
        return jdbc.sql("select password_hash from account where username = ?").param(username).query(String.class).single();
    }

    @Test
    void aRegionalAdministratorCannotCreateANationalAdministrator() throws Exception {
        String name = SessionEndsWhenAccountChangesTest.unique("scope-new");
        mvc.perform(post("/admin/accounts/new").with(asXj()).with(csrf()).param("username", name)
                        .param("displayName", "越权管理员").param("role", "ADMIN").param("regionCode", "CN")
                        .param("password", PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("地区代码: 超出您自己的管理范围（65）"),
                        containsString("value=\"" + name + "\""))));
        assertThat(accounts.find(name)).isEmpty();
    }

    @Test
    void aRegionalAdministratorCannotWidenItsOwnScope() throws Exception {
        Account self = accounts.get(xjAdmin);
        mvc.perform(post("/admin/accounts/" + xjAdmin).with(asXj()).with(csrf()).param("displayName", self.displayName())
                        .param("role", "ADMIN").param("regionCode", "CN").param("enabled", "true")
                        .param("version", Integer.toString(self.version())))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("超出您自己的管理范围")));
        assertThat(accounts.get(xjAdmin).regionCode()).isEqualTo("65");
    }

    @Test
    void aRegionalAdministratorCannotTakeOverANationalAdministrator() throws Exception {
        String before = hash(nationalAdmin);
        mvc.perform(post("/admin/accounts/" + nationalAdmin + "/password").with(asXj()).with(csrf())
                        .param("password", "Zt5!nWq8rLp3"))
                .andExpect(status().isForbidden());
        assertThat(hash(nationalAdmin)).isEqualTo(before);
        mvc.perform(formLogin().user(nationalAdmin).password("Zt5!nWq8rLp3")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aRegionalAdministratorCannotDisableDemoteOrSeeAccountsOutsideItsRegion() throws Exception {
        Account national = accounts.get(nationalAdmin);
        mvc.perform(post("/admin/accounts/" + nationalAdmin).with(asXj()).with(csrf()).param("displayName", "x")
                        .param("role", "REPORTER").param("regionCode", "650102")
                        .param("version", Integer.toString(national.version())))
                .andExpect(status().isForbidden());
        assertThat(accounts.get(nationalAdmin)).isEqualTo(national);
        mvc.perform(get("/admin/accounts/" + nationalAdmin).with(asXj())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(asXj())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(xjAdmin), not(containsString(nationalAdmin)))));
    }

    @Test
    void aCityAdministratorCannotGrantAnOrganisationOfTheRegionAbove() throws Exception {
        String city = SessionEndsWhenAccountChangesTest.unique("scope-ur");
        accounts.create(new NewAccount(city, "乌鲁木齐管理员", PASSWORD, Role.ADMIN, "6501", null, false), "test");
        String name = SessionEndsWhenAccountChangesTest.unique("scope-dep");
        mvc.perform(post("/admin/accounts/new").with(user(details.loadUserByUsername(city))).with(csrf())
                        .param("username", name).param("displayName", "科技厅（越权）").param("role", "DEPARTMENT")
                        .param("organisationCode", "xj-kjt").param("password", PASSWORD))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("超出您自己的管理范围")));
        assertThat(accounts.find(name)).isEmpty();
    }

    @Test
    void insideItsRegionARegionalAdministratorManagesAsBefore() throws Exception {
        String name = SessionEndsWhenAccountChangesTest.unique("scope-rep");
        mvc.perform(post("/admin/accounts/new").with(asXj()).with(csrf()).param("username", name)
                        .param("displayName", "天山区填报人").param("role", "REPORTER").param("regionCode", "650102")
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/admin/accounts/" + name));
        mvc.perform(post("/admin/accounts/" + name + "/password").with(asXj()).with(csrf()).param("password", "Zt5!nWq8rLp3"))
                .andExpect(redirectedUrl("/admin/accounts/" + name));
        Account created = accounts.get(name);
        mvc.perform(post("/admin/accounts/" + name).with(asXj()).with(csrf()).param("displayName", "新疆审核人")
                        .param("role", "REVIEWER").param("regionCode", "65").param("enabled", "true")
                        .param("version", Integer.toString(created.version())))
                .andExpect(redirectedUrl("/admin/accounts/" + name));
        assertThat(accounts.get(name).role()).isEqualTo(Role.REVIEWER);
        // and it may narrow its own scope
        Account self = accounts.get(xjAdmin);
        mvc.perform(post("/admin/accounts/" + xjAdmin).with(asXj()).with(csrf()).param("displayName", self.displayName())
                        .param("role", "ADMIN").param("regionCode", "6501").param("enabled", "true")
                        .param("version", Integer.toString(self.version())))
                .andExpect(redirectedUrl("/admin/accounts/" + xjAdmin));
        assertThat(accounts.get(xjAdmin).regionCode()).isEqualTo("6501");
    }

    @Test
    void theServiceItselfRefusesWhateverTheCaller() {
        As.user(details, xjAdmin);
        assertThatThrownBy(() -> accounts.create(new NewAccount(SessionEndsWhenAccountChangesTest.unique("scope-svc"),
                "越权", PASSWORD, Role.ADMIN, "CN", null, false), xjAdmin))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside your own scope");
        assertThatThrownBy(() -> accounts.resetPassword(nationalAdmin, "Zt5!nWq8rLp3", xjAdmin))
                .isInstanceOf(AccessDeniedException.class);
        Account national = accounts.get(nationalAdmin);
        assertThatThrownBy(() -> accounts.update(nationalAdmin, national.version(), "x", Role.ADMIN, "CN", null, false,
                xjAdmin)).isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.mayManage(national)).isFalse();
        assertThat(accounts.manageable()).extracting(Account::username).contains(xjAdmin).doesNotContain(nationalAdmin, "admin");

        As.user(details, "planner");
        assertThatThrownBy(() -> accounts.create(new NewAccount(SessionEndsWhenAccountChangesTest.unique("scope-pl"),
                "规划人员建的", PASSWORD, Role.REPORTER, "650102", null, false), "planner"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
