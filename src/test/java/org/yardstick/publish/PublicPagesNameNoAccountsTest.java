package org.yardstick.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Targets;
import org.yardstick.index.IndexDefinitions;
import org.yardstick.progress.internal.MilestoneJudgements;

/**
 * Public pages name no account: an index's page, history and versions, and a milestone's
 * judgements, saved by the demo's {@code planner}, show the public "新疆维吾尔自治区规划人员" and never the
 * username (half of a login); signed-in accounts see the username. Everything here is rolled back.
 */
@YardstickTest
@Transactional
class PublicPagesNameNoAccountsTest {

    static final List<String> DEMO_ACCOUNTS = List.of("admin", "planner", "reporter", "reviewer", "reviewer-xj",
            "department", "enterprise");
    static final String PLAN = "xj-info-13fyp";
    static final String TARGET = "names-test-milestone";
    static final String INDEX = "TNAMES";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired IndexDefinitions indices;
    @Autowired MilestoneJudgements judgements;
    @Autowired Plans plans;
    @Autowired Targets targets;

    @BeforeEach
    void thePlannerSavesAnIndexAndJudgesAMilestone() {
        As.user(accounts, "planner");
        indices.save(null, 0, """
                index: {code: %s, name_zh: 署名测试指数, name_en: Names test index}
                regions: {scope: "65", level: prefecture}
                periods: [2015, 2016]
                aggregates:
                  - {code: ROOT, name_zh: 总, name_en: Total}
                indicators:
                  - {code: IIDI, name_zh: 两化融合, name_en: Integration, parent: ROOT}
                """.formatted(INDEX), "署名测试");
        jdbc.sql("""
                insert into target (plan_id, code, indicator_id, region_id, disaggregation_id, kind, qualifier, qualifier_text,
                                    baseline_year, target_year, statement_zh, statement_en, ordinal)
                values ((select id from plan where code = ?), ?, null, (select id from region where code = '65'),
                        (select id from disaggregation where code = '_T'), 'MILESTONE', 'NONE', '', 2015, 2025,
                        '署名测试里程碑', 'Names test milestone', (select max(ordinal) + 1 from target))""")
                .params(PLAN, TARGET).update();
        var plan = plans.get(PLAN);
        judgements.judge(plan, targets.find(plan.id(), TARGET).orElseThrow(), "ON_TRACK", "2025", "按计划推进");
        As.nobody();
    }

    @AfterEach
    void logOut() {
        As.nobody();
    }

    static final List<String> PAGES = List.of("/indices/" + INDEX, "/indices/" + INDEX + "/history",
            "/indices/" + INDEX + "/versions/1", "/plans/" + PLAN + "/targets/" + TARGET);

    /** The page's text without tags, attributes and addresses: what a visitor reads. */
    String text(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andReturn().getResponse().getContentAsString();
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    static boolean names(String text, String username) {
        return Pattern.compile("(?<![\\\\w/-])" + Pattern.quote(username) + "(?![\\\\w/-])").matcher(text).find();
    }

    @Test
    void anonymousVisitorsSeeTheRoleAndRegionNotTheUsername() throws Exception {
        for (String page : PAGES) {
            for (String lang : List.of("zh", "en")) {
                String text = text(get(page).param("lang", lang));
                assertThat(DEMO_ACCOUNTS).as(page + " in " + lang).noneMatch(u -> names(text, u));
                assertThat(text).as(page + " in " + lang)
                        .containsAnyOf("新疆维吾尔自治区规划人员", "Planning staff, Xinjiang Uygur Autonomous Region");
            }
        }
    }

    @Test
    void signedInAccountsSeeTheUsername() throws Exception {
        for (String page : PAGES) {
            String text = text(get(page).with(user(accounts.loadUserByUsername("reviewer-xj"))));
            assertThat(names(text, "planner")).as(page).isTrue();
        }
    }

    @Test
    void theCheckRecognisesAUsernameInText() {
        assertThat(names(" 由 planner 保存 ", "planner")).isTrue();
        assertThat(names(" Planning staff ", "planner")).isFalse();
        assertThat(names(" /departments ", "department")).isFalse();
    }
}
