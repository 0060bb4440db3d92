package org.yardstick.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.YardstickTest;

/**
 * Every endpoint × every role × a region inside and outside the account's scope: who may read and
 * who may change what. An expectation is the HTTP status class: 2 (served), 3 (redirect: to the
 * login page for the public, to the result for a change), 4 (refused, 403 or 422).
 */
@YardstickTest
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of("anonymous", "admin", "planner", "reporter", "reviewer", "reviewer-xj",
            "department", "enterprise");

    /** An endpoint and the expected status class per role, in the order of {@link #ROLES}. */
    record Rule(String method, String path, Map<String, String> params, String expected) {}

    static Rule read(String path, String expected) {
        return new Rule("GET", path, Map.of(), expected);
    }

    static Rule change(String path, Map<String, String> params, String expected) {
        return new Rule("POST", path, params, expected);
    }

    //                                                        anon admin plan rep  rev  revxj dept ent
    static final List<Rule> RULES = List.of(
            read("/", "22222222"),
            read("/plans/xj-info-13fyp", "22222222"),
            read("/indicators/IIDI", "22222222"),
            read("/regions/650102", "22222222"),
            read("/api/v1/plans", "22222222"),
            // progress pages and reports: public, approved figures only
            read("/plans/xj-info-13fyp/overview", "22222222"),
            read("/plans/xj-info-13fyp/report", "22222222"),
            read("/plans/xj-info-13fyp/report.xlsx", "22222222"),
            read("/indicators/IIDI/progress", "22222222"),
            read("/compare", "22222222"),
            read("/departments/xj-kjt", "22222222"),
            // milestones: the page is public; judging is for planners of the target's region (an empty
            // entry: 422 for them, 403 for everyone else; MilestoneJudgementTest judges for real)
            read("/plans/xj-info-13fyp/targets/t-village-stations", "22222222"),
            change("/plans/xj-info-13fyp/targets/t-village-stations/judgements", Map.of("verdict", ""), "34444444"),
            read("/api/v1/regions/65/observations", "22222222"),
            read("/collect", "32222244"),
            // in scope of reporter (天山区 650102), reviewer (乌鲁木齐 6501) and planner/reviewer-xj (65)
            read("/collect/xj-county-info/650102/2025", "32222244"),
            // outside the reporter's county, inside Urumqi and Xinjiang
            read("/collect/xj-county-info/650103/2025", "32242244"),
            // outside Urumqi and outside the planner's Xinjiang: Inner Mongolia
            read("/collect/xj-county-info/150102/2025", "32444444"),
            change("/collect/xj-county-info/650102/2025", Map.of("value.INTERNET_PORTS", ""), "33334444"),
            change("/collect/xj-county-info/150102/2025", Map.of("value.INTERNET_PORTS", ""), "33444444"),
            read("/review", "32442244"),
            // one's own account and tokens: every account; the API answers the public 401, not the login page
            read("/account", "32222222"),
            read("/api/v1/me", "42222222"),
            read("/admin/accounts", "32444444"),
            read("/admin/accounts/reporter", "32444444"),
            change("/admin/accounts/new", Map.of("username", "x", "displayName", "", "role", "REPORTER", "password", "short"),
                    "34444444"),
            // the audit trail: administrators and planners (without accounts and tokens); its export: administrators
            read("/audit", "32244444"),
            read("/audit/export.csv", "32444444"),
            // validation rules: read by planners and reviewers, changed by planners
            read("/rules", "32242244"),
            read("/rules/new", "32244444"),
            read("/rules/report?dataSet=xj-county-info&period=2025", "32242244"),
            // indices: public pages; definitions edited by planners
            read("/indices", "22222222"),
            read("/indices/IIDI", "22222222"),
            read("/indices/IIDI/edit", "32244444"),
            change("/indices/check", Map.of("yaml", "index: {}"), "32244444"),
            // task supervision: the list is public; scoreboards for planners and departments
            read("/supervision", "22222222"),
            read("/supervision/scoreboard/departments", "32244424"),
            read("/supervision/notifications", "32244424"));

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    @Test
    void everyEndpointForEveryRole() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : RULES) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                MockHttpServletRequestBuilder request = rule.method().equals("GET") ? get(rule.path()) : post(rule.path()).with(csrf());
                rule.params().forEach(request::param);
                if (!role.equals("anonymous")) {
                    request.with(user(accounts.loadUserByUsername(role)));
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                char expected = rule.expected().charAt(i);
                if (Character.forDigit(status / 100, 10) != expected) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + role + ": " + status + ", expected " + expected + "xx");
                }
            }
        }
        Assertions.assertThat(wrong).isEmpty();
    }
}
