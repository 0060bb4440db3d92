package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditTrail;
import org.yardstick.security.Accounts;

/**
 * A planner assigns a key project's lead and co-units, moves dates and adds milestones, each change
 * in the audit trail; bad input names its field and changes nothing. Each test rolls back.
 */
@YardstickTest
@Transactional
class PlannerChangesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired Items items;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    MockHttpServletRequestBuilder edit(Item item, String lead, String coUnits, String start, String deadline) {
        return edit(item, item.version(), lead, coUnits, start, deadline);
    }

    MockHttpServletRequestBuilder edit(Item item, int version, String lead, String coUnits, String start, String deadline) {
        return post("/supervision/items/{id}/edit", item.id()).param("version", Integer.toString(version))
                .param("lead", lead).param("coUnits", coUnits).param("start", start).param("deadline", deadline)
                .with(csrf()).with(Logins.as(users, accounts, Logins.PLANNER));
    }

    @Test
    void aPlannerAssignsAKeyProjectAndTheChangeIsInItsHistory() throws Exception {
        Item kp = items.get("xj-info-13fyp", "KP01");
        mvc.perform(edit(kp, "xj-jxw", "xj-fgw，xj-kjt", "2016-01-01", "2020-12-31")).andExpect(status().is3xxRedirection());
        Item after = items.get(kp.id());
        assertThat(after.lead().code()).isEqualTo("xj-jxw");
        assertThat(after.coUnits()).extracting(Unit::code).containsExactly("xj-fgw", "xj-kjt");
        assertThat(after.version()).isEqualTo(kp.version() + 1);
        assertThat(audit.history(Items.AUDIT_TYPE, kp.id())).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("planner");
            assertThat(e.field()).isEqualTo("lead");
            assertThat(e.oldValue()).isNull();
            assertThat(e.newValue()).isEqualTo("xj-jxw");
        });
        // the department that now co-operates sees it among its items
        mvc.perform(get("/supervision").with(Logins.as(users, accounts, Logins.DEPARTMENT)))
                .andExpect(content().string(containsString("天山云谷建设推进工程")));
    }

    void refused(MockHttpServletRequestBuilder request, Item before, String... texts) throws Exception {
        long events = audit.history(Items.AUDIT_TYPE, before.id()).size();
        var result = mvc.perform(request).andExpect(status().isUnprocessableContent());
        for (String t : texts) {
            result.andExpect(content().string(containsString(t)));
        }
        assertThat(items.get(before.id())).as("nothing changed").isEqualTo(before);
        assertThat(audit.history(Items.AUDIT_TYPE, before.id())).hasSize((int) events);
    }

    @Test
    void aDeadlineBeforeTheStartIsRefused() throws Exception {
        Item t1 = items.get("xj-mfg-internet-2017", "T2.1.1");
        refused(edit(t1, "xj-kjt", "xj-jxw", "2019-01-01", "2018-12-31"), t1, "完成时限", "早于开始日期 2019-01-01");
    }

    @Test
    void anUnknownLeadUnitIsRefused() throws Exception {
        Item t1 = items.get("xj-mfg-internet-2017", "T2.1.1");
        refused(edit(t1, "xj-nosuch", "xj-jxw", "2017-01-01", "2020-12-31"), t1, "牵头单位", "xj-nosuch", "不是已登记的单位代码");
    }

    @Test
    void aUnitListedTwiceIsRefused() throws Exception {
        Item t1 = items.get("xj-mfg-internet-2017", "T2.1.1");
        refused(edit(t1, "xj-kjt", "xj-jxw, xj-kjt", "2017-01-01", "2020-12-31"), t1, "配合单位", "单位 xj-kjt 重复列出");
        refused(edit(t1, "xj-kjt", "xj-jxw, xj-jxw", "2017-01-01", "2020-12-31"), t1, "单位 xj-jxw 重复列出");
    }

    @Test
    void badDatesAndAStaleVersionAreRefusedInEnglishToo() throws Exception {
        Item t1 = items.get("xj-mfg-internet-2017", "T2.1.1");
        refused(edit(t1, "xj-kjt", "", "2017-13-01", "").param("lang", "en"), t1, "Start", "is not a date (YYYY-MM-DD)",
                "Deadline", "is required");
        MockHttpServletRequestBuilder stale = edit(t1, t1.version() - 1, "xj-kjt", "", "2017-01-01", "2020-12-31");
        refused(stale, t1, "已被他人修改");
    }

    @Test
    void milestonesAndCommentsAreAddedAndShown() throws Exception {
        Item t1 = items.get("xj-mfg-internet-2017", "T2.1.1");
        mvc.perform(post("/supervision/items/{id}/milestones", t1.id()).param("title", "建成10个“双创”平台")
                .param("due", "2018-12-31").with(csrf()).with(Logins.as(users, accounts, Logins.PLANNER)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/supervision/items/{id}/milestones", t1.id()).param("title", "").param("due", "2018-02-30")
                        .with(csrf()).with(Logins.as(users, accounts, Logins.PLANNER)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("节点内容"), containsString("不能为空"),
                        containsString("不是有效日期"))));
        assertThat(items.milestones(t1.id())).extracting(Milestone::title).containsExactly("建成10个“双创”平台");
        mvc.perform(get("/supervision/items/{id}", t1.id())).andExpect(content().string(containsString("建成10个“双创”平台")));
    }
}
