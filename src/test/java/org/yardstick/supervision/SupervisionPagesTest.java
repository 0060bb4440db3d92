package org.yardstick.supervision;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;

/** The supervision pages render for each role, in Chinese and in English. */
@YardstickTest
class SupervisionPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired Items items;

    RequestPostProcessor as(String username) {
        return Logins.as(users, accounts, username);
    }

    @Test
    void theListShowsTasksWithTheirLeadAndKeyProjectsWithoutOne() throws Exception {
        mvc.perform(get("/supervision")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("加快制造企业互联网“双创”平台建设"),
                        containsString("自治区科技厅"), containsString("天山云谷建设推进工程"), containsString("牵头单位未指定"),
                        not(containsString("ys-narrative")))));
        mvc.perform(get("/supervision").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Lead unit not assigned"), not(containsString("牵头单位未指定")))));
    }

    @Test
    void everyPageRendersForAPlanner() throws Exception {
        long id = items.get("xj-mfg-internet-2017", "T2.1.1").id();
        for (String url : new String[] {"/supervision", "/supervision/items/" + id, "/supervision/items/" + id + "/edit",
            "/supervision/notifications", "/supervision/scoreboard/departments", "/supervision/scoreboard/plans",
            "/supervision/contacts"}) {
            mvc.perform(get(url).with(as(Logins.PLANNER))).andExpect(status().isOk());
            mvc.perform(get(url).param("lang", "en").with(as(Logins.PLANNER))).andExpect(status().isOk());
        }
    }

    @Test
    void theDepartmentSeesItsReportForm() throws Exception {
        long id = items.get("xj-mfg-internet-2017", "T2.1.1").id();
        mvc.perform(get("/supervision/items/" + id + "/report").with(as(Logins.DEPARTMENT))).andExpect(status().isOk())
                .andExpect(content().string(containsString("multipart/form-data")));
    }

    @Test
    void aRefusedEntryNamesItsFieldValueAndReasonInBothLanguages() throws Exception {
        String unit = items.allUnits().get(0).code();
        mvc.perform(post("/supervision/contacts").with(csrf()).with(as(Logins.PLANNER)).param("unit", unit)
                        .param("emails", "not-an-address"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("未保存，请修改以下内容："), containsString("data-field=\"emails\""),
                        containsString("提醒邮箱"), containsString("（“not-an-address”）"), containsString("不是有效的电子邮箱地址"))));
        mvc.perform(post("/supervision/contacts").with(csrf()).with(as(Logins.PLANNER)).param("lang", "en").param("unit", unit)
                        .param("emails", "not-an-address"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("Nothing was saved. Please correct:"),
                        containsString("(&quot;not-an-address&quot;)"), containsString("is not an e-mail address"))));
    }
}
