package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditEvent;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.imports.FigureImports;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collection API as a program uses it, with HTTP Basic: data sets written and their windows
 * opened (a past one only with a reason), figures as CSV and JSON through the import page's code
 * path (dry run, bad rows, full precision), bulk workflow steps by filter with four-eyes and scope
 * refusals, and a template repeating approved figures. Works in 塔城地区 (6542), which no other test
 * uses, in data sets of its own.
 */
@YardstickTest
class CollectionApiTest {

    static final String PASSWORD = "Kq7#vLm2pX9w-Tacheng";
    static final List<String> COUNTIES = List.of("654201", "654202", "654203", "654221", "654224", "654225", "654226");
    static final String HEADER = "indicator,region,period,value,qualifier,comment";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired DataSets dataSets;
    @Autowired Submissions submissions;
    @Autowired FigureImports imports;
    @Autowired JsonMapper json;

    String planner;
    String reporter;
    String reviewer;
    String outsideReviewer;

    @BeforeEach
    void accountsAndACleanPrefecture() {
        for (String county : COUNTIES) {
            jdbc.sql("delete from observation where region_id = (select id from region where code = ?)").param(county).update();
            jdbc.sql("delete from submission where region_id = (select id from region where code = ?)").param(county).update();
        }
        planner = account("tc-planner", Role.PLANNER, "6542");
        reporter = account("tc-reporter", Role.REPORTER, "6542");
        reviewer = account("tc-reviewer", Role.REVIEWER, "6542");
        outsideReviewer = account("wlmq-reviewer", Role.REVIEWER, "6501");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    private String account(String prefix, Role role, String region) {
        String name = prefix + "-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "塔城测试账号", PASSWORD, role, region, null, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    private static String code(String prefix) {
        return prefix + "-" + System.nanoTime() % 10_000_000;
    }

    private MvcResult call(MockHttpServletRequestBuilder request, String who) throws Exception {
        return mvc.perform(request.with(httpBasic(who, PASSWORD))).andReturn();
    }

    private JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String dataSetJson(String code, String regions, String windows) {
        return """
                {"code":"%s","nameZh":"塔城地区信息化年报","nameEn":"Tacheng informatization annual form",
                 "regionLevel":"COUNTY","periodType":"YEAR",
                 "indicators":[{"code":"BB_USERS","required":true},{"code":"FTTH_USERS","required":false}],
                 "regions":[%s],"windows":[%s]}""".formatted(code, regions, windows);
    }

    /** A data set of 塔城地区's counties, 2025 open, written by its planner through the API. */
    private String dataSet() throws Exception {
        String code = code("tc");
        MvcResult r = call(post("/api/v1/data-sets").contentType(MediaType.APPLICATION_JSON)
                .content(dataSetJson(code, "\"6542\"", "{\"period\":\"2025\",\"opensOn\":\"2026-01-01\",\"closesOn\":\"2026-12-31\"}")),
                planner);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return code;
    }

    private MvcResult figures(String dataSet, String csv, String who, String query) throws Exception {
        return call(post("/api/v1/figures?dataSet=" + dataSet + query).contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)), who);
    }

    private long figuresOf(String county) {
        return jdbc.sql("select count(*) from observation where region_id = (select id from region where code = ?)")
                .param(county).query(Long.class).single();
    }

    private BigDecimal value(String indicator, String county) {
        return jdbc.sql("""
                        select o.obs_value from observation o join indicator i on i.id = o.indicator_id
                        join region r on r.id = o.region_id where i.code = ? and r.code = ? and o.period = '2025'""")
                .params(indicator, county).query(BigDecimal.class).single();
    }

    private static String csv(List<String> counties, long base) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < counties.size(); i++) {
            s.append("BB_USERS,").append(counties.get(i)).append(",2025,").append(base + i).append(",,\n");
        }
        return s.toString();
    }

    @Test
    void aPlannerWritesADataSetAndBackFillsAPastPeriodOnlyWithAReasonAllAudited() throws Exception {
        String code = code("tc");
        // bad input: every problem at once, in the language asked for, nothing stored
        MvcResult bad = call(post("/api/v1/data-sets").header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code":"%s","nameZh":"","nameEn":"x","regionLevel":"SHIRE","periodType":"YEAR",
                         "indicators":[{"code":"BB_USERS"},{"code":"NOPE"},{"code":"BB_USERS"}],"regions":["6542"],
                         "maxDecimals":17,
                         "windows":[{"period":"2021","opensOn":"2026-06-01","closesOn":"2026-06-30"},
                                    {"period":"2025Q1","opensOn":"2026-07-01","closesOn":"2026-06-30"}]}""".formatted(code)),
                planner);
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problems = body(bad).get("problems");
        List<String> fields = new ArrayList<>();
        problems.forEach(p -> fields.add(p.get("field").asString()));
        assertThat(fields).contains("nameZh", "regionLevel", "indicators[1]", "indicators[2]", "maxDecimals",
                "windows[0].reason", "windows[1].period", "windows[1].opensOn");
        assertThat(bad.getResponse().getContentAsString()).contains("is not a known indicator code")
                .contains("opening a past period for back-filling needs a reason").contains("\"value\":\"NOPE\"");
        assertThat(call(get("/api/v1/data-sets/" + code), planner).getResponse().getStatus()).isEqualTo(404);
        MvcResult zh = call(post("/api/v1/data-sets").header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content(dataSetJson(code, "\"6542\"", "{\"period\":\"2021\",\"opensOn\":\"2026-06-01\",\"closesOn\":\"2026-06-30\"}")),
                planner);
        assertThat(zh.getResponse().getStatus()).isEqualTo(422);
        assertThat(zh.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("为补报开放往期需填写原因");

        // a planner of 塔城 cannot write a data set reported in 乌鲁木齐, nor one every region reports
        assertThat(call(post("/api/v1/data-sets").contentType(MediaType.APPLICATION_JSON)
                .content(dataSetJson(code, "\"6501\"", "")), planner).getResponse().getStatus()).isEqualTo(403);
        assertThat(call(post("/api/v1/data-sets").contentType(MediaType.APPLICATION_JSON)
                .content(dataSetJson(code, "", "")), planner).getResponse().getStatus()).isEqualTo(403);
        assertThat(dataSets.find(code)).isEmpty();

        MvcResult created = call(post("/api/v1/data-sets").contentType(MediaType.APPLICATION_JSON)
                .content(dataSetJson(code, "\"6542\"", "{\"period\":\"2025\",\"opensOn\":\"2026-01-01\",\"closesOn\":\"2026-12-31\"}")),
                planner);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        DataSet ds = dataSets.get(code);
        assertThat(ds.items()).extracting(DataSet.Item::indicatorCode, DataSet.Item::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BB_USERS", true),
                        org.assertj.core.groups.Tuple.tuple("FTTH_USERS", false));
        assertThat(ds.regionCodes()).containsExactly("6542");
        assertThat(call(post("/api/v1/data-sets").contentType(MediaType.APPLICATION_JSON)
                .content(dataSetJson(code, "\"6542\"", "")), planner).getResponse().getContentAsString()).contains("data-set.code-taken");

        // back-filling 2021 (ended 2021-12-31): refused without a reason, opened with one, and audited with it
        MvcResult noReason = call(post("/api/v1/data-sets/" + code + "/windows").contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2021\",\"opensOn\":\"2026-06-01\",\"closesOn\":\"2026-06-30\"}"), planner);
        assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
        assertThat(dataSets.get(code).window("2021")).isEmpty();
        MvcResult opened = call(post("/api/v1/data-sets/" + code + "/windows").contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2021\",\"opensOn\":\"2026-06-01\",\"closesOn\":\"2026-06-30\",\"reason\":\"经济普查后补报\"}"),
                planner);
        assertThat(opened.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(opened).get("windows").toString()).contains("\"period\":\"2021\"").contains("经济普查后补报")
                .contains("\"open\":true");
        List<AuditEvent> history = audit.history("data_set", ds.id());
        assertThat(history).extracting(AuditEvent::action).contains("create", "open-past-window");
        assertThat(history).filteredOn(e -> e.action().equals("open-past-window") && e.field().equals("channel"))
                .extracting(AuditEvent::newValue).containsExactly("api");
        assertThat(history).filteredOn(e -> e.action().equals("open-past-window") && !e.field().equals("channel")).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(planner);
            assertThat(e.reason()).isEqualTo("经济普查后补报");
            assertThat(e.newValue()).isEqualTo("2026-06-01..2026-06-30");
        });

        // the window of the path, and a patch naming an unknown field or an impossible value: every problem, nothing changed
        MvcResult put = call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/data-sets/" + code + "/windows/2026").contentType(MediaType.APPLICATION_JSON)
                .content("{\"opensOn\":\"2027-01-01\",\"closesOn\":\"2027-12-31\"}"), planner);
        assertThat(put.getResponse().getStatus()).as(put.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(dataSets.get(code).window("2026")).isPresent();
        MvcResult nonsense = call(patch("/api/v1/data-sets/" + code).contentType(MediaType.APPLICATION_JSON)
                .content("{\"colour\":\"red\",\"maxDecimals\":\"x\",\"nameEn\":\"changed\"}"), planner);
        assertThat(nonsense.getResponse().getStatus()).isEqualTo(422);
        assertThat(nonsense.getResponse().getContentAsString()).contains("\"field\":\"colour\"").contains("\"field\":\"maxDecimals\"");
        assertThat(dataSets.get(code).name().en()).isEqualTo("Tacheng informatization annual form");

        // a change names the version it read: a stale one is 412, nothing changed
        int version = dataSets.get(code).version();
        MvcResult stale = call(patch("/api/v1/data-sets/" + code).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameEn\":\"Tacheng form\",\"version\":" + (version - 1) + "}"), planner);
        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        MvcResult changed = call(patch("/api/v1/data-sets/" + code).contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameEn\":\"Tacheng form\",\"maxDecimals\":4,\"version\":" + version + ",\"reason\":\"统一名称\"}"),
                planner);
        assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(dataSets.get(code).name().en()).isEqualTo("Tacheng form");
        assertThat(dataSets.get(code).maxDecimals()).isEqualTo(4);
        assertThat(audit.history("data_set", ds.id())).filteredOn(e -> e.action().equals("update"))
                .extracting(AuditEvent::field, AuditEvent::oldValue, AuditEvent::newValue, AuditEvent::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("name_en", "Tacheng informatization annual form", "Tacheng form", "统一名称"));
        // four decimals now: a fifth is refused, with the data set's limit named
        MvcResult precise = figures(code, HEADER + "\nBB_USERS,654201,2025,1.23456,,\n", reporter, "&lang=en");
        assertThat(precise.getResponse().getStatus()).isEqualTo(422);
        assertThat(precise.getResponse().getContentAsString()).contains("has 5 decimals").contains("at most 4");

        // retire: never deleted; a reason is required; nothing can be imported any more
        assertThat(call(delete("/api/v1/data-sets/" + code), planner).getResponse().getStatus()).isEqualTo(422);
        MvcResult retired = call(delete("/api/v1/data-sets/" + code).param("reason", "并入新报表"), planner);
        assertThat(retired.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(retired).get("retired").asBoolean()).isTrue();
        assertThat(dataSets.get(code).retired()).isTrue();
        MvcResult late = figures(code, HEADER + "\nBB_USERS,654201,2025,1,,\n", reporter, "&lang=en");
        assertThat(late.getResponse().getStatus()).isEqualTo(422);
        assertThat(late.getResponse().getContentAsString()).contains("data-set.retired");
        assertThat(figuresOf("654201")).isZero();
    }

    @Test
    void figuresAsCsvAndJsonGoThroughTheImportWithDryRunAndBadRowsStoreNothing() throws Exception {
        String ds = dataSet();
        MvcResult dry = figures(ds, csv(COUNTIES.subList(0, 3), 100), reporter, "&dryRun=true");
        assertThat(dry.getResponse().getStatus()).as(dry.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode d = body(dry);
        assertThat(d.get("dryRun").asBoolean()).isTrue();
        assertThat(d.get("added").asInt()).isEqualTo(3);
        assertThat(figuresOf("654201")).isZero();

        MvcResult done = figures(ds, csv(COUNTIES.subList(0, 3), 100), reporter, "");
        assertThat(body(done).get("added").asInt()).isEqualTo(3);
        assertThat(value("BB_USERS", "654201")).isEqualByComparingTo("100");

        // the same rows as JSON: one changed, one unchanged, one new with 13 significant digits and 10 decimals
        String rows = """
                [{"indicator":"BB_USERS","region":"654201","period":"2025","value":100},
                 {"indicator":"BB_USERS","region":"654202","period":"2025","value":"202"},
                 {"indicator":"FTTH_USERS","region":"654203","period":"2025","value":123.4567890123,"qualifier":"约"}]""";
        MvcResult j = call(post("/api/v1/figures?dataSet=" + ds).contentType(MediaType.APPLICATION_JSON).content(rows), reporter);
        assertThat(j.getResponse().getStatus()).as(j.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode s = body(j);
        assertThat(List.of(s.get("added").asInt(), s.get("changed").asInt(), s.get("unchanged").asInt()))
                .containsExactly(1, 1, 1);
        assertThat(value("FTTH_USERS", "654203").stripTrailingZeros().toPlainString()).isEqualTo("123.4567890123");
        assertThat(value("BB_USERS", "654202")).isEqualByComparingTo("202");

        // bad rows: every one named (row, field, value, reason) in the language asked for; nothing stored
        long before = figuresOf("654201") + figuresOf("654224");
        String bad = HEADER + "\nBB_USERS,654201,2025,999,,\nBB_USERS,650102,2025,1,,\nBB_USERS,654224,2025,12x,,\n"
                + "NOPE,654224,2025,1,,\nBB_USERS,654225,2025,1.12345678901234567,,\n";
        MvcResult en = figures(ds, bad, reporter, "");
        assertThat(en.getResponse().getStatus()).isEqualTo(422);
        MvcResult enHeader = call(post("/api/v1/figures?dataSet=" + ds).header("Accept-Language", "en-GB,en;q=0.9")
                .contentType("text/csv").content(bad.getBytes(StandardCharsets.UTF_8)), reporter);
        JsonNode p = body(enHeader).get("problems");
        List<String> got = new ArrayList<>();
        p.forEach(x -> got.add(x.get("row").asInt() + "|" + x.get("field").asString() + "|" + x.get("value").asString()
                + "|" + x.get("code").asString()));
        assertThat(got).containsExactly("3|region|650102|collection.out-of-scope", "4|value|12x|collection.not-a-number",
                "5|indicator|NOPE|collection.not-in-data-set", "6|value|1.12345678901234567|collection.too-many-decimals");
        assertThat(enHeader.getResponse().getContentAsString()).contains("is not a number");
        assertThat(en.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("不是数字");
        assertThat(figuresOf("654201") + figuresOf("654224")).isEqualTo(before);
        assertThat(value("BB_USERS", "654201")).isEqualByComparingTo("100");

        MvcResult badJson = call(post("/api/v1/figures?dataSet=" + ds).contentType(MediaType.APPLICATION_JSON)
                .content("[{\"indicator\":\"BB_USERS\",\"region\":\"654201\",\"period\":\"2030\",\"value\":5},{\"oops\""), reporter);
        assertThat(badJson.getResponse().getStatus()).isEqualTo(422);
        assertThat(badJson.getResponse().getContentAsString()).contains("api.not-json");
        MvcResult closed = call(post("/api/v1/figures?dataSet=" + ds + "&lang=en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rows\":[{\"indicator\":\"BB_USERS\",\"region\":\"654201\",\"period\":\"2030\",\"value\":5}]}"),
                reporter);
        assertThat(closed.getResponse().getStatus()).isEqualTo(422);
        assertThat(closed.getResponse().getContentAsString()).contains("\"row\":2").contains("\"field\":\"period\"")
                .contains("has no collection window");
        assertThat(value("BB_USERS", "654201")).isEqualByComparingTo("100");
        assertThat(call(post("/api/v1/figures?dataSet=" + ds).contentType("text/csv").content(csv(COUNTIES, 1)), outsideReviewer)
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aReviewerApprovesEveryMatchingSubmissionAtOnceAndIsToldWhatWasRefusedAndWhy() throws Exception {
        String ds = dataSet();
        assertThat(figures(ds, csv(COUNTIES.subList(0, 6), 1000), reporter, "").getResponse().getStatus()).isEqualTo(200);

        MvcResult submitted = call(post("/api/v1/submissions/submit").param("dataSet", ds).param("period", "2025"), reporter);
        assertThat(body(submitted).get("done").asInt()).isEqualTo(6);

        // an Urumqi reviewer matches 塔城's submissions only to be refused each, by scope
        MvcResult outside = call(post("/api/v1/submissions/approve").param("dataSet", ds).param("region", "6542")
                .param("descendants", "true").param("lang", "en"), outsideReviewer);
        JsonNode o = body(outside);
        assertThat(o.get("done").asInt()).isZero();
        assertThat(o.get("refusedCount").asInt()).isEqualTo(6);
        assertThat(o.toString()).contains("collection.not-yours-to-review").contains("is not a region you review");

        // four eyes: an account that submitted one is refused that one, not the others
        String both = account("tc-admin", Role.ADMIN, "6542");
        assertThat(figures(ds, csv(COUNTIES.subList(6, 7), 1000), both, "").getResponse().getStatus()).isEqualTo(200);
        assertThat(call(post("/api/v1/submissions/submit").param("dataSet", ds).param("region", "654226"), both)
                .getResponse().getStatus()).isEqualTo(200);

        // dry run: exactly what would happen, nothing done
        MvcResult dry = call(post("/api/v1/submissions/approve").param("dataSet", ds).param("period", "2025")
                .param("dryRun", "true"), both);
        JsonNode d = body(dry);
        assertThat(d.get("matched").asInt()).isEqualTo(7);
        assertThat(d.get("done").asInt()).isEqualTo(6);
        assertThat(d.get("rolledBack").asBoolean()).isTrue();
        assertThat(statuses(ds)).containsOnly(ObservationStatus.SUBMITTED);

        // all or nothing: one refusal undoes all
        MvcResult strict = call(post("/api/v1/submissions/approve").param("dataSet", ds).param("allOrNothing", "true"), both);
        assertThat(strict.getResponse().getStatus()).isEqualTo(409);
        assertThat(statuses(ds)).containsOnly(ObservationStatus.SUBMITTED);

        MvcResult approved = call(post("/api/v1/submissions/approve").param("dataSet", ds).param("period", "2025")
                .param("region", "6542").param("descendants", "true").param("lang", "en"), both);
        assertThat(approved.getResponse().getStatus()).isEqualTo(200);
        JsonNode a = body(approved);
        assertThat(a.get("done").asInt()).isEqualTo(6);
        assertThat(a.get("refusedCount").asInt()).isEqualTo(1);
        JsonNode refused = a.get("refused").get(0);
        assertThat(refused.get("region").asString()).isEqualTo("654226");
        assertThat(refused.get("problems").get(0).get("code").asString()).isEqualTo("collection.self-approval");
        assertThat(refused.get("problems").get(0).get("reason").asString()).contains("four eyes");
        // each approval went through the workflow: audited one by one, figures approved and locked
        Submission first = submissions.find(ds, "654201", "2025").orElseThrow();
        assertThat(first.status()).isEqualTo(ObservationStatus.APPROVED);
        assertThat(first.reviewedBy()).isEqualTo(both);
        assertThat(audit.history("submission", first.id())).extracting(AuditEvent::action).contains("submit", "approve");
        assertThat(jdbc.sql("select status from observation where region_id = (select id from region where code = '654201')")
                .query(String.class).list()).containsOnly("APPROVED");

        // the remaining one, by id, by the prefecture's reviewer; a return needs a reason
        Submission last = submissions.find(ds, "654226", "2025").orElseThrow();
        MvcResult tampered = call(post("/api/v1/submissions/" + last.id() + "/approve").param("version", "1e3"), reviewer);
        assertThat(tampered.getResponse().getStatus()).isEqualTo(422);
        assertThat(tampered.getResponse().getContentAsString()).contains("\"field\":\"version\"");
        assertThat(call(post("/api/v1/submissions/" + last.id() + "/return"), reviewer).getResponse().getStatus()).isEqualTo(422);
        MvcResult one = call(post("/api/v1/submissions/" + last.id() + "/approve").param("version", Integer.toString(last.version())),
                reviewer);
        assertThat(one.getResponse().getStatus()).as(one.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(one).get("status").asString()).isEqualTo("APPROVED");
        assertThat(statuses(ds)).containsOnly(ObservationStatus.APPROVED);

        // reopen in bulk needs a reason
        assertThat(call(post("/api/v1/submissions/reopen").param("dataSet", ds), reviewer).getResponse().getStatus()).isEqualTo(422);
        MvcResult reopened = call(post("/api/v1/submissions/reopen").param("dataSet", ds).param("reason", "核对口径"), reviewer);
        assertThat(body(reopened).get("done").asInt()).isEqualTo(7);
        assertThat(statuses(ds)).containsOnly(ObservationStatus.RETURNED);
    }

    private List<ObservationStatus> statuses(String ds) {
        return jdbc.sql("select s.status from submission s join data_set d on d.id = s.data_set_id where d.code = ?").param(ds)
                .query((rs, n) -> ObservationStatus.valueOf(rs.getString(1))).list();
    }

    @Test
    void aTemplateRepeatingApprovedFiguresImportsAndOnlyARealChangeIsRefused() throws Exception {
        String ds = dataSet();
        assertThat(figures(ds, csv(COUNTIES.subList(0, 2), 500), reporter, "").getResponse().getStatus()).isEqualTo(200);
        // 20 significant digits: more than an Excel number holds, so the template must carry it as text
        assertThat(figures(ds, HEADER + "\nFTTH_USERS,654201,2025,12345678.123456789012,,\n", reporter, "").getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(body(call(post("/api/v1/submissions/submit").param("dataSet", ds), reporter)).get("done").asInt()).isEqualTo(2);
        assertThat(body(call(post("/api/v1/submissions/approve").param("dataSet", ds), reviewer)).get("done").asInt()).isEqualTo(2);

        // the Excel template the reporter downloads now holds the approved figures: uploading it back changes nothing
        As.user(details, reporter);
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        imports.template(ds, Locale.SIMPLIFIED_CHINESE, template);
        FigureImports.Outcome outcome = imports.importFile(ds, "template.xlsx", new ByteArrayInputStream(template.toByteArray()));
        assertThat(outcome.skipped()).isEqualTo(3);
        assertThat(outcome.created() + outcome.updated()).isZero();
        As.nobody();

        // the same as CSV, with a new figure of a county still open: imported, the approved ones skipped
        MvcResult mixed = figures(ds, csv(COUNTIES.subList(0, 3), 500), reporter, "");
        assertThat(mixed.getResponse().getStatus()).as(mixed.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(mixed).get("skipped").asInt()).isEqualTo(2);
        assertThat(body(mixed).get("added").asInt()).isEqualTo(1);

        // a real change of an approved figure is refused, naming the row and why; nothing of the file is stored
        MvcResult changed = figures(ds, HEADER + "\nBB_USERS,654201,2025,501,,\nBB_USERS,654224,2025,7,,\n", reporter, "&lang=en");
        assertThat(changed.getResponse().getStatus()).isEqualTo(422);
        assertThat(changed.getResponse().getContentAsString()).contains("\"row\":2").contains("collection.locked")
                .contains("approved").doesNotContain("\"row\":3");
        assertThat(value("BB_USERS", "654201")).isEqualByComparingTo("500");
        assertThat(figuresOf("654224")).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheCollectionApiWithExamples() throws Exception {
        JsonNode doc = body(mvc.perform(get("/v3/api-docs")).andReturn());
        JsonNode paths = doc.get("paths");
        for (String path : List.of("/api/v1/figures", "/api/v1/data-sets", "/api/v1/data-sets/{code}",
                "/api/v1/data-sets/{code}/windows", "/api/v1/submissions/{action}", "/api/v1/submissions/{id}/{action}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode figures = paths.get("/api/v1/figures").get("post");
        assertThat(figures.get("tags").toString()).contains("collection");
        assertThat(figures.get("requestBody").toString()).contains("text/csv").contains("BB_USERS");
        assertThat(figures.get("responses").get("422").toString()).contains("collection.not-a-number");
        assertThat(paths.get("/api/v1/submissions/{action}").get("post").get("responses").get("200").toString())
                .contains("collection.self-approval");
    }

    @Test
    void thirtyFiveCountyYearsWithFullPrecisionAreApprovedInOneRequestAndReadBackExactly() throws Exception {
        String ds = dataSet();
        for (String year : List.of("2021", "2022", "2023", "2024")) {
            MvcResult w = call(post("/api/v1/data-sets/" + ds + "/windows").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"period\":\"" + year + "\",\"opensOn\":\"2026-05-01\",\"closesOn\":\"2026-07-31\","
                            + "\"reason\":\"补报 " + year + "\"}"), planner);
            assertThat(w.getResponse().getStatus()).as(w.getResponse().getContentAsString()).isEqualTo(200);
        }
        StringBuilder rows = new StringBuilder("[");
        for (String county : COUNTIES) {
            for (int year = 2021; year <= 2025; year++) {
                // 13 significant digits, 10 of them decimals (225.4226123456): more than the 8 decimals stored before
                rows.append(rows.length() > 1 ? "," : "").append("{\"indicator\":\"BB_USERS\",\"region\":\"").append(county)
                        .append("\",\"period\":\"").append(year).append("\",\"value\":").append(year - 1800).append('.')
                        .append(county.substring(2)).append("123456").append('}');
            }
        }
        rows.append(']');
        MvcResult imported = call(post("/api/v1/figures?dataSet=" + ds).contentType(MediaType.APPLICATION_JSON)
                .content(rows.toString()), reporter);
        assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(body(imported).get("added").asInt()).isEqualTo(35);
        assertThat(body(call(post("/api/v1/submissions/submit").param("dataSet", ds).param("period", "2021..2025"), reporter))
                .get("done").asInt()).isEqualTo(35);

        MvcResult approved = call(post("/api/v1/submissions/approve").param("dataSet", ds).param("period", "2021..2025")
                .param("region", "6542").param("descendants", "true"), reviewer);
        JsonNode a = body(approved);
        assertThat(a.get("matched").asInt()).isEqualTo(35);
        assertThat(a.get("done").asInt()).isEqualTo(35);
        assertThat(a.get("refusedCount").asInt()).isZero();
        MvcResult again = call(post("/api/v1/submissions/approve").param("dataSet", ds), reviewer);
        assertThat(body(again).get("already").asInt()).isEqualTo(35);
        assertThat(body(again).get("done").asInt()).isZero();

        // read back through the public API, every digit
        JsonNode published = body(mvc.perform(get("/api/v1/indicators/BB_USERS/observations").param("region", "654226"))
                .andReturn());
        List<String> values = new ArrayList<>();
        published.forEach(o -> values.add(o.get("period").asString() + "=" + o.get("value").decimalValue().stripTrailingZeros()
                .toPlainString()));
        assertThat(values).contains("2021=221.4226123456", "2025=225.4226123456");
        assertThat(value("BB_USERS", "654226").stripTrailingZeros().toPlainString()).isEqualTo("225.4226123456");
    }
}
