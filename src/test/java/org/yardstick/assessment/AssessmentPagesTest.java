package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.engine.AssessmentProblem;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;

/** The enterprise's pages, in Chinese and English: register, answer, save, resume, submit, result. */
@YardstickTest
@Transactional
class AssessmentPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    @AfterEach
    void back() {
        As.nobody();
    }

    private UserDetails enterpriseAccount() {
        String name = "asm-page-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "新特能源（测试）", "Qz8#asm-Lv3p-page", Role.ENTERPRISE, null,
                    "xj-xinte-energy", false), "admin");
        } finally {
            As.nobody();
        }
        return details.loadUserByUsername(name);
    }

    private String page(MockHttpServletRequestBuilder r, UserDetails u, String language) throws Exception {
        return mvc.perform(r.with(user(u)).param("lang", language.startsWith("en") ? "en" : "zh"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEnterpriseRegistersAnswersResumesAndSubmitsInTheBrowser() throws Exception {
        UserDetails me = enterpriseAccount();
        assertThat(page(get("/home"), me, "zh-CN")).contains("href=\"/assessment\"").contains("两化融合自评估");
        String register = page(get("/assessment"), me, "zh-CN");
        assertThat(register).contains("登记本企业").contains("统一社会信用代码");
        assertThat(page(get("/assessment"), me, "en")).contains("Register your enterprise");
        // no result and no diagnosis before the enterprise is registered: back to the registration, not an error page
        mvc.perform(get("/assessment/result").with(user(me))).andExpect(redirectedUrl("/assessment"));
        mvc.perform(get("/assessment/result.pdf").with(user(me))).andExpect(redirectedUrl("/assessment"));

        String good = AssessmentApiTest.code("91650102MA7X0000U");
        var refused = mvc.perform(post("/assessment/register").with(user(me)).with(csrf())
                        .param("creditCode", good.substring(0, 17) + "I").param("name", "新特能源股份有限公司")
                        .param("regionCode", "650102").param("industryCode", "3985").param("sizeClass", "LARGE"))
                .andExpect(redirectedUrl("/assessment")).andReturn();
        List<InputProblem> problems = (List<InputProblem>) refused.getFlashMap().get("problems");
        assertThat(problems).extracting(InputProblem::kind).containsExactly(AssessmentProblem.CREDIT_CODE_CHARACTER);
        String shown = page(get("/assessment").flashAttrs(refused.getFlashMap()), me, "zh-CN");
        assertThat(shown).contains("未保存").contains("只能包含数字和大写字母");

        mvc.perform(post("/assessment/register").with(user(me)).with(csrf())
                        .param("creditCode", good).param("name", "新特能源股份有限公司").param("regionCode", "650102")
                        .param("industryCode", "3985").param("sizeClass", "LARGE").param("aboveScale", "true"))
                .andExpect(redirectedUrl("/assessment")).andExpect(flash().attribute("done", "registered"));

        String form = page(get("/assessment"), me, "zh-CN");
        assertThat(form).contains("基础建设").contains("经济和社会效益").contains("示例").contains("name=\"q.S1\"");
        assertThat(page(get("/assessment"), me, "en")).contains("Economic and social benefits").contains("Save draft");

        // a wrong number is refused with the question named; nothing saved
        var bad = mvc.perform(post("/assessment").with(user(me)).with(csrf()).param("q.B1", "yes").param("q.B2", "三")
                        .param("action", "save"))
                .andExpect(redirectedUrl("/assessment")).andReturn();
        assertThat((List<InputProblem>) bad.getFlashMap().get("problems")).extracting(InputProblem::field).containsExactly("B2");
        assertThat(page(get("/assessment").flashAttrs(bad.getFlashMap()), me, "en")).contains("is not a number");

        // a draft, resumed: the saved answers are checked again
        mvc.perform(post("/assessment").with(user(me)).with(csrf()).param("q.B1", "yes").param("q.S1", "design", "sales")
                        .param("action", "save"))
                .andExpect(redirectedUrl("/assessment")).andExpect(flash().attribute("done", "saved"));
        String resumed = page(get("/assessment"), me, "zh-CN");
        assertThat(resumed).containsPattern("id=\"S1-design\" value=\"design\" checked")
                .containsPattern("id=\"S1-sales\" value=\"sales\" checked").contains("草稿");

        mvc.perform(post("/assessment").with(user(me)).with(csrf()).param("q.B1", "yes").param("q.B2", "1.5")
                        .param("q.B3", "office").param("q.S1", "design", "sales").param("q.S2", "100")
                        .param("q.I1", "integrated").param("q.I2", "yes").param("q.C1", "chain").param("q.C2", "yes")
                        .param("q.K1", "yes").param("q.K2", "5").param("q.E1", "30").param("q.E2", "20")
                        .param("action", "submit"))
                .andExpect(redirectedUrl("/assessment/result"));
        String result = page(get("/assessment/result"), me, "zh-CN");
        assertThat(result).contains("85.8").contains("创新突破").contains("最弱维度：单项应用")
                .contains("S1. 已应用信息系统的业务环节").contains("不足 5 家，不公开");
        assertThat(page(get("/assessment/result"), me, "en")).contains("Innovation").contains("Weakest dimension: Single applications");
        // submitted: the form is locked
        assertThat(page(get("/assessment"), me, "zh-CN")).contains("已提交").contains("disabled");
    }

    @Test
    void otherRolesCannotOpenTheQuestionnaire() throws Exception {
        mvc.perform(get("/assessment").with(user(details.loadUserByUsername("planner")))).andExpect(status().isForbidden());
        mvc.perform(get("/assessment")).andExpect(status().is3xxRedirection());
    }
}
