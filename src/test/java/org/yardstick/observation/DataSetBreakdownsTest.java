package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yardstick.As;
import org.yardstick.StoredObservations;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * Breakdowns (分组, disaggregation dimensions) of a data set written in the data set form and through the API,
 * not only in data-sets.yaml: chosen by dimension, checked whole (an unknown dimension or category, a category
 * of another dimension or listed twice, removing one that figures are broken down by: refused with the field,
 * value and reason, in both languages, nothing changed), and audited with old and new.
 */
@YardstickTest
class DataSetBreakdownsTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired DataSets dataSets;

    static final String PASSWORD = "Kq7#vLm2pX9w-Breakdown";

    @Autowired Accounts accounts;

    final String code = "bd-" + System.nanoTime() % 10_000_000;
    String planner;

    @BeforeEach
    void aPlannerOfXinjiang() {
        planner = "bd-planner-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(planner, "分组测试账号", PASSWORD, Role.PLANNER, "65", null, false), "admin");
        } finally {
            As.nobody();
        }
    }

    @AfterEach
    void noFigureLeft() {
        As.nobody();
        jdbc.sql("delete from observation where period = '2011' and created_by = 'bd-test'").update();
    }

    private MvcResult as(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(details.loadUserByUsername(planner))).with(csrf())).andReturn();
    }

    private MvcResult api(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(planner, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en").content(json)).andReturn();
    }

    private MockHttpServletRequestBuilder form(String breakdowns) {
        return post("/collect/data-sets/" + code).param("nameZh", "分组测试报表").param("nameEn", "Breakdown test form")
                .param("regionLevel", "COUNTY").param("periodType", "YEAR").param("indicators", "BB_USERS")
                .param("regions", "6543").param("breakdowns", breakdowns).param("reason", "按城乡分组");
    }

    private List<Map<String, Object>> audited() {
        return jdbc.sql("select old_value, new_value, reason from audit_event where entity_type = 'data_set' "
                + "and entity_key = ? and field = 'breakdowns' order by id").param(code).query().listOfRows();
    }

    @Test
    void theApiAndTheFormChooseBreakdownsCheckedWholeAndAudited() throws Exception {
        MvcResult created = api(post("/api/v1/data-sets"), """
                {"code":"%s","nameZh":"分组测试报表","nameEn":"Breakdown test form","regionLevel":"COUNTY","periodType":"YEAR",
                 "regions":["6543"],"indicators":[{"code":"BB_USERS"}],"breakdowns":{"area":["urban","rural-pastoral"]}}"""
                .formatted(code));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(created.getResponse().getContentAsString()).contains("\"breakdowns\":{\"area\":[\"urban\",\"rural-pastoral\"]}");
        assertThat(dataSets.breakdowns(code)).isEqualTo(Map.of("AREA", List.of("urban", "rural-pastoral")));
        assertThat(audited()).singleElement().satisfies(r -> assertThat(r.get("new_value")).isEqualTo("area: urban rural-pastoral"));

        // bad input through the API: every problem at once, naming field, value and reason; nothing changed
        MvcResult bad = api(patch("/api/v1/data-sets/" + code), """
                {"breakdowns":{"area":["urban","nope","commercial-building"],"colour":["red"],"other":["urban"]}}""");
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        String problems = bad.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problems)
                .contains("\"field\":\"breakdowns.area\",\"value\":\"nope\"").contains("is not a category of this dimension")
                .contains("\"field\":\"breakdowns.area\",\"value\":\"commercial-building\"")
                .contains("is a category of the dimension other, not of this one")
                .contains("\"field\":\"breakdowns\",\"value\":\"colour\"").contains("is not a dimension of breakdowns")
                .contains("\"field\":\"breakdowns.other\",\"value\":\"urban\"").contains("is listed twice (already under area)");
        assertThat(dataSets.breakdowns(code)).isEqualTo(Map.of("AREA", List.of("urban", "rural-pastoral")));

        // a category figures of the data set's indicators are broken down by cannot be removed
        StoredObservations.of("BB_USERS").region("654301").period("2011").breakdown("rural-pastoral").value(7).status("DRAFT")
                .by("bd-test").insert(jdbc);
        MvcResult orphan = api(patch("/api/v1/data-sets/" + code), "{\"breakdowns\":{\"area\":[\"urban\"]}}");
        assertThat(orphan.getResponse().getStatus()).isEqualTo(422);
        assertThat(orphan.getResponse().getContentAsString()).contains("\"value\":\"rural-pastoral\"")
                .contains("cannot be removed: 1 figure(s)");
        MvcResult orphanZh = as(form("area: urban"));
        assertThat(orphanZh.getResponse().getStatus()).isEqualTo(422);
        assertThat(orphanZh.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("不能删除：数据集的指标已有 1 个数值按此分组报送");
        assertThat(dataSets.breakdowns(code)).isEqualTo(Map.of("AREA", List.of("urban", "rural-pastoral")));
        noFigureLeft();

        // the form: the current breakdowns shown, bad ones refused in Chinese and English, good ones stored and audited
        assertThat(as(get("/collect/data-sets/" + code)).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("area: urban rural-pastoral").contains("分组");
        MvcResult badForm = as(form("area: urban nope\ncolour: red"));
        assertThat(badForm.getResponse().getStatus()).isEqualTo(422);
        assertThat(badForm.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("nope").contains("不是该维度的分组")
                .contains("colour").contains("不是分组维度");
        assertThat(as(form("area: urban nope").param("lang", "en")).getResponse().getContentAsString())
                .contains("is not a category of this dimension");
        assertThat(dataSets.breakdowns(code)).isEqualTo(Map.of("AREA", List.of("urban", "rural-pastoral")));
        MvcResult saved = as(form("area: rural-pastoral, urban, corps-farm\nother: commercial-building"));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/collect/data-sets/" + code);
        assertThat(dataSets.breakdowns(code)).isEqualTo(Map.of("AREA", List.of("rural-pastoral", "urban", "corps-farm"),
                "OTHER", List.of("commercial-building")));
        assertThat(audited()).hasSize(2).last().satisfies(r -> {
            assertThat(r.get("old_value")).isEqualTo("area: urban rural-pastoral");
            assertThat(r.get("new_value")).isEqualTo("area: rural-pastoral urban corps-farm\nother: commercial-building");
            assertThat(r.get("reason")).isEqualTo("按城乡分组");
        });
        assertThat(as(get("/api/v1/data-sets/" + code)).getResponse().getContentAsString())
                .contains("\"breakdowns\":{\"area\":[\"rural-pastoral\",\"urban\",\"corps-farm\"],\"other\":[\"commercial-building\"]}");
    }
}
