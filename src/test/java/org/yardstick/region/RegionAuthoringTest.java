package org.yardstick.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * Authoring regions and organisations through the API (with a personal access token or Basic, as programs do) and the
 * pages: add one or a batch (JSON, CSV, dry run), rename, move with the subtree, retire; every refusal —
 * unknown parent, duplicate, cycle, level order, retiring what is referred to, out of scope — answers 422
 * (403 for scope) and writes nothing; every change is in the audit trail with its channel.
 */
@YardstickTest
@RecordApplicationEvents
class RegionAuthoringTest {

    static final String PASSWORD = "Kq7#vLm2pX9w-regions";
    static final String P = "T" + (System.nanoTime() % 1_000_000) + "-";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired Regions regions;
    @Autowired Organisations organisations;
    @Autowired ApplicationEvents events;

    @AfterEach
    void nobody() {
        As.nobody();
    }

    /** The regions made here are removed again, deepest first, so that other tests see the demo's tree. */
    @AfterAll
    static void removeRegions(@Autowired JdbcClient jdbc) {
        jdbc.sql("delete from organisation_alias where organisation_id in (select id from organisation where code like ?)")
                .param(P + "%").update();
        jdbc.sql("delete from organisation where code like ?").param(P + "%").update();
        for (int depth = 10; depth >= 0; depth--) {
            jdbc.sql("delete from region where code like ? and depth = ?").params(P + "%", depth).update();
        }
    }

    private String account(String name, Role role, String region) {
        String username = P.toLowerCase() + name;
        As.user(details, "admin");
        accounts.create(new NewAccount(username, "地区测试" + name, PASSWORD, role, region, null, false), "admin");
        As.nobody();
        return username;
    }

    private RequestPostProcessor basic(String username) {
        return httpBasic(username, PASSWORD);
    }

    private long regionCount() {
        return jdbc.sql("select count(*) from region").query(Long.class).single();
    }

    private String json(String code, String parent, String level, String zh, String en) {
        return "{\"code\":\"" + code + "\"," + (parent == null ? "" : "\"parent\":\"" + parent + "\",")
                + "\"level\":\"" + level + "\",\"nameZh\":\"" + zh + "\",\"nameEn\":\"" + en + "\"}";
    }

    @Test
    void anAnalystCreatesAWorldRegionAGroupingAndCountriesThroughTheApi() throws Exception {
        String admin = account("admin1", Role.ADMIN, "CN");
        String body = "[" + json(P + "WLD", null, "WORLD", "世界", "World") + ","
                + json(P + "ASIA", P + "WLD", "GROUPING", "亚洲", "Asia") + ","
                + json(P + "CHN", P + "ASIA", "COUNTRY", "中国", "China") + ","
                + json(P + "DEU", P + "WLD", "COUNTRY", "德国", "Germany") + "]";
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content(body)
                        .param("reason", "ASEM comparison"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.count").value(4));
        Region china = regions.get(P + "CHN");
        assertThat(china.path()).isEqualTo("/" + P + "WLD/" + P + "ASIA/" + P + "CHN/");
        assertThat(china.depth()).isEqualTo(2);
        assertThat(china.level()).isEqualTo(RegionLevel.COUNTRY);
        mvc.perform(get("/api/v1/regions/" + P + "DEU")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'region' and action = 'create' "
                        + "and entity_key = ? and field = 'channel' and new_value = 'api' and actor = ? and reason = 'ASEM comparison'")
                .params(P + "CHN", admin).query(Long.class).single()).isEqualTo(1);
        assertThat(events.stream(RegionsChanged.class)).isNotEmpty();
    }

    @Test
    void aPersonalAccessTokenMadeOnTheAccountPageAuthorsAsItsPlanner() throws Exception {
        String planner = account("tokplanner", Role.PLANNER, "65");
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(planner).password(PASSWORD))
                .andExpect(redirectedUrl("/home")).andReturn().getRequest().getSession(false);
        String page = mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "地区脚本")
                .param("expiresOn", "")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("ys_[A-Za-z0-9_-]{43}").matcher(page);
        assertThat(m.find()).isTrue();
        RequestPostProcessor bearer = r -> {
            r.addHeader("Authorization", "Bearer " + m.group());
            return r;
        };
        mvc.perform(post("/api/v1/regions").with(bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "TK1", "6501", "COUNTY", "令牌区", "Token district")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/regions").with(bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "TK2", "15", "PREFECTURE", "外区", "Outside")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select actor from audit_event where entity_key = ? and field = 'channel'").param(P + "TK1")
                .query(String.class).single()).isEqualTo(planner);
    }

    @Test
    void aBatchWithOneBadRowIsRefusedWholeNamingEveryProblem() throws Exception {
        String admin = account("admin2", Role.ADMIN, "CN");
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(json(P + "W2", null, "WORLD", "世界二", "World 2"))).andExpect(status().isCreated());
        long before = regionCount();
        String body = "[" + json(P + "OK1", P + "W2", "COUNTRY", "甲", "A") + ","   // fine on its own
                + json(P + "BAD1", P + "NOPE", "COUNTRY", "乙", "B") + ","           // unknown parent
                + json(P + "W2", null, "WORLD", "重复", "Duplicate") + ","            // exists already
                + json(P + "OK1", P + "W2", "COUNTRY", "甲", "A") + ","               // twice in the batch
                + json(P + "BAD2", P + "OK1", "GROUPING", "丙", "C") + ","            // grouping under a country
                + json(P + "BAD3", P + "W2", "PLANET", "丁", "D") + "]";              // no such level
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.problems.length()").value(5))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].field").value("parent"))
                .andExpect(jsonPath("$.problems[0].code").value("region.unknown-parent"))
                .andExpect(jsonPath("$.problems[1].code").value("region.duplicate-code"))
                .andExpect(jsonPath("$.problems[2].code").value("region.repeated-code"))
                .andExpect(jsonPath("$.problems[3].code").value("region.level-order"))
                .andExpect(jsonPath("$.problems[4].code").value("region.unknown-level"));
        assertThat(regionCount()).as("nothing written, not even the good first row").isEqualTo(before);
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content("[{\"code\":"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.problems[0].code").value("file.syntax"));
    }

    @Test
    void csvBulkWithADryRunWritesNothingThenAddsEverything() throws Exception {
        String admin = account("admin3", Role.ADMIN, "CN");
        String csv = "code,parent,level,name_zh,name_en\n" + P + "W3,,WORLD,世界三,World 3\n" + P + "FRA,"
                + P + "W3,COUNTRY,法国,France\n";
        long before = regionCount();
        mvc.perform(post("/api/v1/regions").param("dryRun", "true").with(basic(admin)).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(true)).andExpect(jsonPath("$.count").value(2));
        assertThat(regionCount()).isEqualTo(before);
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType("text/csv").content(csv))
                .andExpect(status().isCreated());
        assertThat(regions.get(P + "FRA").path()).isEqualTo("/" + P + "W3/" + P + "FRA/");
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType("text/csv")
                        .content("code,parent,level,name_zh\n" + P + "ITA," + P + "XX,COUNTRY,意大利\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].source").value("regions.csv"))
                .andExpect(jsonPath("$.problems[0].line").value(2));
    }

    @Test
    void aMoveCarriesTheSubtreeAndAMoveIntoItsOwnSubtreeIsRefused() throws Exception {
        String admin = account("admin4", Role.ADMIN, "CN");
        String body = "[" + json(P + "W4", null, "WORLD", "世界四", "World 4") + ","
                + json(P + "G1", P + "W4", "GROUPING", "甲组", "Group 1") + ","
                + json(P + "G2", P + "W4", "GROUPING", "乙组", "Group 2") + ","
                + json(P + "C1", P + "G1", "COUNTRY", "甲国", "Country 1") + ","
                + json(P + "R1", P + "C1", "PROVINCE", "甲省", "Province 1") + "]";
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        events.clear();
        mvc.perform(patch("/api/v1/regions/" + P + "G1").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parent\":\"" + P + "G2\",\"nameEn\":\"Group One\",\"reason\":\"regrouped\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.path").value("/" + P + "W4/" + P + "G2/" + P + "G1/"));
        Region province = regions.get(P + "R1");
        assertThat(province.path()).isEqualTo("/" + P + "W4/" + P + "G2/" + P + "G1/" + P + "C1/" + P + "R1/");
        assertThat(province.depth()).isEqualTo(4);
        assertThat(regions.get(P + "G1").name().en()).isEqualTo("Group One");
        assertThat(events.stream(RegionsChanged.class)).extracting(RegionsChanged::what).contains("move");
        assertThat(jdbc.sql("select old_value from audit_event where entity_key = ? and action = 'move' and field = 'parent'")
                .param(P + "G1").query(String.class).single()).isEqualTo(P + "W4");

        // into its own subtree: refused, nothing moved
        mvc.perform(patch("/api/v1/regions/" + P + "G2").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parent\":\"" + P + "C1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("region.cycle"));
        // a country under a province: the level order
        mvc.perform(patch("/api/v1/regions/" + P + "C1").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parent\":\"65\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("region.level-order"));
        mvc.perform(patch("/api/v1/regions/" + P + "G1").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameZh\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.problems[0].field").value("nameZh"));
        assertThat(regions.get(P + "G2").path()).isEqualTo("/" + P + "W4/" + P + "G2/");
        assertThat(regions.get(P + "R1").path()).isEqualTo(province.path());
        mvc.perform(patch("/api/v1/regions/" + P + "NOPE").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"无\"}")).andExpect(status().isNotFound());
    }

    @Test
    void retiringIsRefusedWhileSomethingLiveRefersToItAndRetiredRegionsTakeNoChildren() throws Exception {
        String admin = account("admin5", Role.ADMIN, "CN");
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("[" + json(P + "W5", null, "WORLD", "世界五", "World 5") + ","
                        + json(P + "C5", P + "W5", "COUNTRY", "五国", "Country 5") + "]")).andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/regions/" + P + "W5").with(basic(admin)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("region.retire-referred"))
                .andExpect(jsonPath("$.problems[0].reason").value("cannot be retired: 1 sub-regions refer to it"));
        // a demo region with figures
        String withFigures = jdbc.sql("select r.code from observation o join region r on r.id = o.region_id order by r.code "
                + "fetch first 1 rows only").query(String.class).single();
        mvc.perform(delete("/api/v1/regions/" + withFigures).with(basic(admin)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[?(@.reason =~ /.* figures refer to it/)]").exists());
        assertThat(jdbc.sql("select count(*) from region where code = ? and retired_at is null").param(withFigures)
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(delete("/api/v1/regions/" + P + "C5").with(basic(admin)).param("reason", "dissolved"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
        mvc.perform(delete("/api/v1/regions/" + P + "W5").with(basic(admin))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/regions").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "C6", P + "W5", "COUNTRY", "六国", "Country 6")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.problems[0].code").value("region.retired"));
        assertThat(regions.find(P + "C5")).as("retired, not deleted").isPresent();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = ? and action = 'retire' and reason = 'dissolved'")
                .param(P + "C5").query(Long.class).single()).isPositive();
    }

    @Test
    void aPlannerAuthorsInsideTheirRegionOnlyAndAReporterNowhere() throws Exception {
        String planner = account("planner", Role.PLANNER, "65");
        String reporter = account("reporter", Role.REPORTER, "65");
        mvc.perform(post("/api/v1/regions").with(basic(planner)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "T1", "6501", "COUNTY", "测试区", "Test district")))
                .andExpect(status().isCreated());
        long before = regionCount();
        mvc.perform(post("/api/v1/regions").with(basic(planner)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "T2", "15", "PREFECTURE", "外区", "Outside")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/regions").with(basic(planner)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "W9", null, "WORLD", "世界", "World")))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/regions/" + P + "T1").with(basic(planner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parent\":\"1501\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/regions").with(basic(reporter)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "T3", "6501", "COUNTY", "测试区", "Test district")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/regions").contentType(MediaType.APPLICATION_JSON)
                        .content(json(P + "T4", "6501", "COUNTY", "测试区", "Test district")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as("no credentials").isIn(401, 403));
        assertThat(regionCount()).isEqualTo(before);
        assertThat(regions.get(P + "T1").path()).isEqualTo("/CN/65/6501/" + P + "T1/");
    }

    @Test
    void organisationsAreAddedChangedAndRetiredWithTheirAliasesAndRefusedWhenWrong() throws Exception {
        String admin = account("admin6", Role.ADMIN, "CN");
        String code = P + "STATS";
        mvc.perform(post("/api/v1/organisations").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"nameZh\":\"测试统计局\",\"nameEn\":\"Test Statistics Bureau\","
                                + "\"kind\":\"AGENCY\",\"region\":\"65\",\"aliases\":[\"统计局\"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.aliases[0]").value("统计局"));
        mvc.perform(post("/api/v1/organisations").with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"nameZh\":\"\",\"kind\":\"BANK\",\"region\":\"99\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.length()").value(4))
                .andExpect(jsonPath("$.problems[0].code").value("region.duplicate-code"))
                .andExpect(jsonPath("$.problems[1].field").value("nameZh"))
                .andExpect(jsonPath("$.problems[2].code").value("region.unknown-kind"))
                .andExpect(jsonPath("$.problems[3].code").value("region.unknown-region"));
        mvc.perform(patch("/api/v1/organisations/" + code).with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shortZh\":\"测试局\",\"aliases\":[\"统计局\",\"区统计局\"],\"region\":\"6501\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.region").value("6501"));
        Organisation o = organisations.get(code);
        assertThat(o.aliases()).containsExactlyInAnyOrder("统计局", "区统计局");
        assertThat(o.shortName().zh()).isEqualTo("测试局");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'organisation' and entity_key = ? "
                + "and field = 'region' and old_value = '65' and new_value = '6501'").param(code).query(Long.class).single()).isEqualTo(1);
        mvc.perform(delete("/api/v1/organisations/" + code).with(basic(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true));
        mvc.perform(patch("/api/v1/organisations/" + code).with(basic(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"shortZh\":\"又改\"}")).andExpect(status().isUnprocessableContent());
        assertThat(organisations.get(code).shortName().zh()).isEqualTo("测试局");
    }

    @Test
    void theOpenApiDocumentDescribesEveryWriteWithExamples() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/regions'].post.requestBody.content['application/json'].examples").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions'].post.requestBody.content['text/csv']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{code}'].patch.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/{code}'].delete.responses['422']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/regions/divisions'].post.responses['202']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisations'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisations/{code}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/jobs/{id}'].get.responses['200'].content['application/json'].examples.running").exists());
    }

    @Test
    void thePagesListSearchAddAndSayWhatIsWrongNextToTheField() throws Exception {
        String admin = account("admin7", Role.ADMIN, "CN");
        var me = user(details.loadUserByUsername(admin));
        mvc.perform(get("/manage/regions").with(me)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/manage/regions?code=CN")));
        mvc.perform(get("/manage/regions").param("q", "天山").with(me)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("650102")));
        mvc.perform(post("/manage/regions").with(me).with(csrf()).param("code", P + "PW").param("level", "WORLD")
                        .param("nameZh", "页面世界").param("nameEn", "Page world"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = ? and field = 'channel' and new_value = 'form'")
                .param(P + "PW").query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/manage/regions").with(me).with(csrf()).param("code", P + "PX").param("parent", P + "PW")
                        .param("level", "WORLD").param("nameZh", "").param("nameEn", "").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-problem=\"region.level-order\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is required")));
        // through the form too: a move into its own subtree (a cycle) and a retire that would orphan figures are refused,
        // in both languages, and nothing changes
        mvc.perform(post("/manage/regions").with(me).with(csrf()).param("code", P + "PC").param("parent", P + "PW")
                        .param("level", "COUNTRY").param("nameZh", "页面国").param("nameEn", "Page country"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/manage/regions/" + P + "PW").with(me).with(csrf()).param("parent", P + "PC").param("nameZh", "页面世界")
                        .param("nameEn", "Page world").param("reason", "环"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-problem=\"region.cycle\"")));
        mvc.perform(post("/manage/regions/" + P + "PW").with(me).with(csrf()).param("parent", P + "PC").param("nameZh", "页面世界")
                        .param("nameEn", "Page world").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-problem=\"region.cycle\"")));
        assertThat(regions.get(P + "PW").path()).isEqualTo("/" + P + "PW/");
        String withFigures = jdbc.sql("select r.code from observation o join region r on r.id = o.region_id order by r.code "
                + "fetch first 1 rows only").query(String.class).single();
        mvc.perform(post("/manage/regions/" + withFigures + "/retire").with(me).with(csrf()).param("reason", "撤销").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-problem=\"region.retire-referred\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("figures refer to it")));
        assertThat(jdbc.sql("select count(*) from region where code = ? and retired_at is null").param(withFigures)
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/manage/regions").with(user(details.loadUserByUsername(account("rep2", Role.REPORTER, "65")))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/manage/organisations").with(me).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Add an organisation")));
    }
}
