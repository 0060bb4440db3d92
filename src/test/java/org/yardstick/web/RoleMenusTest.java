package org.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The menu of every role, link by link and in order, as the layout drew it before the modules contributed
 * their own entries (issue 19): the links of the bar, the management menu and the account bar, with their
 * English text. A link that moves, appears or disappears for a role fails here.
 */
@YardstickTest
class RoleMenusTest {

    static final String ENTERPRISE = "nav-menu-enterprise";

    /** The links of the bar every reader sees, signed in or not. */
    static final List<String> BAR = List.of("/plans Plans", "/indicators Indicators", "/regions Regions",
            "/supervision Supervision", "/indices Indices", "/compare Compare", "/departments Units",
            "/catalogue Catalogue");

    static final List<String> PUBLIC = concat(BAR, List.of("/swagger-ui.html API", "/login Log in"));

    /** Signed in: the bar, the worklist, then the role's own links (the management menu's marked "manage"). */
    static final Map<String, List<String>> MENUS = Map.of(
            "admin", signedIn(
                "manage /collect/import Import", "manage /review Review", "----", "manage /frameworks Framework files",
                "manage /authoring/plans/new New plan", "manage /ingest Read a plan",
                "manage /collect/data-sets Data sets", "manage /rules Validation rules",
                "manage /assessment/imports Assessment import",
                "manage /assessment/enterprises Pilot and demonstration firms",
                "manage /assessment/questionnaires Questionnaire versions", "----",
                "manage /manage/regions Regions &amp; units", "manage /manage/organisations Organisations",
                "manage /manage/divisions Import official division codes", "----", "manage /audit Audit trail",
                "manage /admin/accounts Accounts", "/supervision/notifications Notifications"),
            "planner", signedIn(
                "/collect Data entry", "manage /collect/import Import", "----", "manage /frameworks Framework files",
                "manage /authoring/plans/new New plan", "manage /ingest Read a plan",
                "manage /collect/data-sets Data sets", "manage /rules Validation rules",
                "manage /assessment/imports Assessment import",
                "manage /assessment/enterprises Pilot and demonstration firms",
                "manage /assessment/questionnaires Questionnaire versions", "----",
                "manage /manage/regions Regions &amp; units", "manage /manage/organisations Organisations", "----",
                "manage /audit Audit trail", "/supervision/notifications Notifications"),
            "reporter", signedIn(
                "/collect Data entry", "/collect/import Import"),
            "reviewer", signedIn(
                "/review Review", "manage /rules Validation rules", "manage /assessment/imports Assessment import",
                "manage /assessment/enterprises Pilot and demonstration firms"),
            "department", signedIn(
                "/supervision/notifications Notifications"),
            ENTERPRISE, signedIn(
                "/assessment Self-assessment"));

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static List<String> signedIn(String... own) {
        return concat(concat(BAR, List.of("/home Worklist")), List.of(own));
    }

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;

    static final Pattern NAV = Pattern.compile("<nav class=\"navbar.*?</nav>", Pattern.DOTALL);
    static final Pattern LINK = Pattern.compile("<a\\s([^>]*)href=\"([^\"]+)\"[^>]*>([^<]*)</a>|<hr class=\"dropdown-divider\">");

    List<String> links(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request.param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher nav = NAV.matcher(html);
        assertThat(nav.find()).isTrue();
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(nav.group());
        while (m.find()) {
            if (m.group(2) == null) {
                links.add("----");
            } else if (!m.group(2).contains("lang=") && !m.group(2).equals("/") && !m.group(2).equals("/account")) {
                links.add((m.group(1).contains("dropdown-item") ? "manage " : "") + m.group(2) + " " + m.group(3).trim());
            }
        }
        return links;
    }

    @Test
    void everyRoleSeesTheMenuItSawBefore() throws Exception {
        if (accounts.find(ENTERPRISE).isEmpty()) {
            As.user(users, "admin");
            accounts.create(new NewAccount(ENTERPRISE, "菜单测试企业", "Panel-7#qTz-Analyse-2026", Role.ENTERPRISE, null,
                    "xj-xinte-energy", false), "test");
            As.nobody();
        }
        assertThat(links(get("/plans"))).as("public").containsExactlyElementsOf(PUBLIC);
        for (String who : List.of("admin", "planner", "reporter", "reviewer", "department", ENTERPRISE)) {
            assertThat(links(get("/plans").with(user(users.loadUserByUsername(who))))).as(who)
                    .containsExactlyElementsOf(MENUS.get(who));
        }
    }

    /** The current page's link is marked, the longest prefix winning: on the import page, Import and not Data entry. */
    @Test
    void theCurrentPagesLinkIsMarked() throws Exception {
        String html = mvc.perform(get("/collect/import").with(user(users.loadUserByUsername("reporter"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<a class=\"nav-link active\" href=\"/collect/import\" aria-current=\"page\">")
                .contains("<a class=\"nav-link\" href=\"/collect\">");
    }
}
