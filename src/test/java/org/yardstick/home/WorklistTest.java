package org.yardstick.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/**
 * A home per role (issue 15): after login every role lands on its worklist (待办), which lists the
 * work of that role; menus show only what the role can do, and no link of the worklist or the menu
 * is a dead end (every one answers 200 for that account). Demo accounts, test clock 2026-06-01.
 */
@YardstickTest
class WorklistTest {

    static final String[] ROLES = {"admin", "planner", "reporter", "reviewer", "department", "enterprise"};
    static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService accounts;

    private String page(String account, String url) throws Exception {
        var r = mvc.perform(get(url).with(user(accounts.loadUserByUsername(account)))).andReturn().getResponse();
        assertThat(r.getStatus()).as(account + " " + url).isEqualTo(200);
        return r.getContentAsString();
    }

    @Test
    void everyRoleLandsOnItsWorklistAfterLogin() throws Exception {
        for (String account : ROLES) {
            mvc.perform(formLogin().user(account).password("yardstick-demo")).andExpect(redirectedUrl("/home"));
        }
    }

    @Test
    void eachRoleSeesItsOwnWork() throws Exception {
        assertThat(page("reporter", "/home")).contains("待填报的报表", "截止日期").doesNotContain("等待您审核的报送", "需要关注的目标");
        assertThat(page("reviewer", "/home")).contains("等待您审核的报送").doesNotContain("待填报的报表", "需要关注的目标");
        String planner = page("planner", "/home");
        assertThat(planner).contains("需要关注的目标", "已逾期的任务", "待填报的报表");
        // the 13th five-year plan ended in 2020: its targets cannot be judged on figures of 2015–2016, and say how old they are
        assertThat(planner).contains("ys-status-CANNOT_BE_JUDGED", "数据过时");
        assertThat(page("department", "/home")).contains("本单位待办任务").doesNotContain("需要关注的目标");
        assertThat(page("enterprise", "/home")).contains("企业评估", "后续版本").doesNotContain("待填报的报表");
        assertThat(page("planner", "/home?lang=en")).contains("Targets that need attention", "cannot be judged", "stale")
                .doesNotContain("需要关注的目标");
    }

    @Test
    void menusShowOnlyWhatTheRoleCanDo() throws Exception {
        // a reviewer reviews; the forms of the regions reviewed would be read-only: no 填报 in the menu
        assertThat(page("reviewer", "/home")).contains("href=\"/review\"").doesNotContain("href=\"/collect\"");
        // an administrator would get every county of China there
        assertThat(page("admin", "/home")).doesNotContain("href=\"/collect\"");
        assertThat(page("reporter", "/home")).contains("href=\"/collect\"").doesNotContain("href=\"/review\"");
        assertThat(page("enterprise", "/home")).doesNotContain("href=\"/collect\"", "href=\"/review\"", "href=\"/rules\"");
    }

    @Test
    void noLinkOfAWorklistIsADeadEnd() throws Exception {
        for (String account : ROLES) {
            Set<String> links = new LinkedHashSet<>();
            Matcher m = HREF.matcher(page(account, "/home"));
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                if (!href.startsWith("/webjars") && !href.startsWith("/css") && !href.startsWith("/js")
                        && !href.startsWith("/favicon") && !href.startsWith("/swagger") && !href.startsWith("/v3")) {
                    links.add(href);
                }
            }
            assertThat(links).as(account).contains("/home");
            for (String href : links) {
                page(account, href);
            }
        }
    }
}
