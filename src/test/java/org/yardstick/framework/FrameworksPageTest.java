package org.yardstick.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/** The framework files page: upload, preview, apply (CSRF, one transaction), export; planners and admins only; both languages. */
@YardstickTest
@Transactional
class FrameworksPageTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired FrameworkFiles frameworks;
    @Autowired Plans plans;
    @Autowired Targets targets;

    UserDetails planner;

    @BeforeEach
    void planner() {
        As.user(details, "admin");
        accounts.create(new NewAccount("fw-page-xj", "规划处（页面测试）", "Fw-page-8812-xj", Role.PLANNER, "65", null, false), "test");
        accounts.create(new NewAccount("fw-page-rep", "填报（页面测试）", "Fw-page-8812-rp", Role.REPORTER, "650102", null, false), "test");
        As.nobody();
        planner = details.loadUserByUsername("fw-page-xj");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    @Test
    void aPlannerPreviewsThenAppliesFrameworkFiles() throws Exception {
        mvc.perform(get("/frameworks").with(user(planner)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("规划文件导入与导出")))
                .andExpect(content().string(Matchers.containsString("/frameworks/xj-info-13fyp.zip")));
        As.user(details, "fw-page-xj");
        String plan = frameworks.export(List.of("xj-info-13fyp")).get("plans/xj-info-13fyp.yaml");
        As.nobody();
        String changed = plan.replaceFirst("(- id: \"t-community-platform-2020\"[\\s\\S]*?value: )95", "$190");
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(multipart("/frameworks/preview?lang=en")
                        .file(new MockMultipartFile("files", "xj-info-13fyp.yaml", "application/yaml", changed.getBytes(StandardCharsets.UTF_8)))
                        .param("reason", "中期评估调整").session(session).with(user(planner)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Preview (nothing written yet)")))
                .andExpect(content().string(Matchers.containsString("xj-info-13fyp/t-community-platform-2020")))
                .andReturn().getResponse().getContentAsString();
        Plan p = plans.get("xj-info-13fyp");
        assertThat(targets.find(p.id(), "t-community-platform-2020").orElseThrow().value()).isEqualByComparingTo("95");
        Matcher m = Pattern.compile("name=\"pending\" value=\"([0-9a-f-]+)\"").matcher(page);
        assertThat(m.find()).isTrue();

        mvc.perform(post("/frameworks/apply").param("pending", m.group(1)).param("reason", "中期评估调整").session(session)
                        .with(user(planner)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/frameworks/apply").param("pending", m.group(1)).param("reason", "中期评估调整").session(session)
                        .with(user(planner)).with(csrf()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已应用")));
        Target t = targets.find(p.id(), "t-community-platform-2020").orElseThrow();
        assertThat(t.value()).isEqualByComparingTo("90");
        assertThat(targets.revisions(t.id())).last().satisfies(r -> assertThat(r.reason()).isEqualTo("中期评估调整"));
        // the same preview cannot be applied twice
        mvc.perform(post("/frameworks/apply").param("pending", m.group(1)).session(session).with(user(planner)).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void aBrokenFileIsShownWithItsProblemsAndNothingIsWritten() throws Exception {
        mvc.perform(multipart("/frameworks/preview")
                        .file(new MockMultipartFile("files", "indicators.yaml", "application/yaml",
                                "indicators:\n  - code: X1\n    polarity: sideways\n".getBytes(StandardCharsets.UTF_8)))
                        .with(user(planner)).with(csrf()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("未写入任何内容")))
                .andExpect(content().string(Matchers.containsString("indicators.yaml")));
    }

    /** data-sets.yaml uploaded on the page: the preview names the data set's window change, in both languages. */
    @Test
    void theDataSetsFileIsPreviewedOnThePage() throws Exception {
        As.user(details, "fw-page-xj");
        String dataSets = frameworks.export(List.of("xj-info-13fyp")).get("data-sets.yaml");
        As.nobody();
        Matcher w = Pattern.compile("(\\{period: \"2025\", opens: (\\S+), closes: )(\\d{4}-\\d\\d-\\d\\d)").matcher(dataSets);
        assertThat(w.find()).as("the demo's 2025 window in %s", dataSets).isTrue();
        String opens = w.group(2).replace(",", "");
        String changed = dataSets.substring(0, w.start(3)) + "2027-01-31" + dataSets.substring(w.end(3));
        for (String lang : List.of("zh", "en")) {
            mvc.perform(multipart("/frameworks/preview?lang=" + lang)
                            .file(new MockMultipartFile("files", "data-sets.yaml", "application/yaml", changed.getBytes(StandardCharsets.UTF_8)))
                            .with(user(planner)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(lang.equals("zh") ? "数据集" : "Data sets")))
                    .andExpect(content().string(Matchers.containsString("xj-county-info/2025")))
                    .andExpect(content().string(Matchers.containsString(opens + "..2027-01-31")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("frameworks.kind"))));
        }
    }

    @Autowired FrameworkChanges changes;

    @Test
    void aRetiredIndicatorsPageSaysSo() throws Exception {
        mvc.perform(get("/indicators/IDI?lang=zh")).andExpect(content().string(Matchers.not(Matchers.containsString("已停用"))));
        As.user(details, "fw-page-xj");
        changes.retireIndicator("IDI", Change.form("不再监测").forced());
        As.nobody();
        mvc.perform(get("/indicators/IDI?lang=zh")).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("已停用")));
        mvc.perform(get("/indicators/IDI?lang=en")).andExpect(content().string(Matchers.containsString("Retired: no longer used")));
    }

    @Test
    void exportIsAZipAndOtherRolesAreRefused() throws Exception {
        mvc.perform(get("/frameworks/export.zip").with(user(planner)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"));
        mvc.perform(get("/frameworks").with(user(details.loadUserByUsername("fw-page-rep")))).andExpect(status().isForbidden());
        mvc.perform(get("/frameworks")).andExpect(status().is3xxRedirection());
    }
}
