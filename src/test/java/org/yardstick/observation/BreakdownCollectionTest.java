package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
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
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.aggregation.Aggregates;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.imports.FigureImports;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.validation.internal.RuleForm;
import org.yardstick.validation.internal.ValidationProblem;
import org.yardstick.validation.internal.ValidationRules;

/**
 * Figures broken down by category (分组: urban × rural-pastoral) entered in the form, imported as CSV,
 * sent as JSON, refused for a category the data set does not break down by (nothing stored), checked
 * against their total by the "total equals the sum of its parts" rule, and — the done-when — parts
 * entered without a total that the aggregation sums into the prefecture's total. The demo reporter of
 * 天山区 (650102) in a data set of its own; each test rolls back.
 */
@YardstickTest
@Transactional
class BreakdownCollectionTest {

    static final String IND = "TEST_BDC_USERS";
    static final String DS = "t-bdc";
    static final String HEADER = "indicator,region,period,value,qualifier,comment,breakdown";

    @Autowired JdbcClient jdbc;
    @Autowired FrameworkFiles frameworks;
    @Autowired DataSetFiles dataSetFiles;
    @Autowired ObservationEditor editor;
    @Autowired FigureImports imports;
    @Autowired ValidationRules rules;
    @Autowired Aggregates aggregates;
    @Autowired UserDetailsService details;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired org.yardstick.validation.internal.ValidationReport report;

    static final String PASSWORD = "Kq7#vLm2pX9w-Tianshan-parts";

    /** A reporter of 天山区 with a password, for the API (which takes tokens or Basic, not a session). */
    String apiReporter() {
        String name = "bdc-reporter-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        accounts.create(new NewAccount(name, "分组测试填报人", PASSWORD, Role.REPORTER, "650102", null, false), "admin");
        As.user(details, "reporter");
        return name;
    }

    @BeforeEach
    void aDataSetBrokenDownByArea() {
        frameworks.load(new MapFileSet().with("indicators.yaml", """
                indicators:
                  - code: TEST_BDC_USERS
                    name_zh: 分组填报测试用户数
                    name_en: Breakdown entry test subscribers
                    unit_zh: 户
                    unit_en: households
                    polarity: positive
                    aggregation: sum
                    incomplete: show
                """), "planner");
        dataSetFiles.load(new MapFileSet().with("data-sets.yaml", """
                data_sets:
                  - code: t-bdc
                    name_zh: 分组填报测试报表
                    name_en: Breakdown entry test form
                    region_level: county
                    period_type: year
                    indicators: [TEST_BDC_USERS]
                    breakdowns: [urban, rural-pastoral]
                    windows:
                      - {period: "2025", opens: 2026-05-01, closes: 2026-06-30}
                """));
        As.user(details, "reporter");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    Map<String, BigDecimal> stored(String region) {
        return BrokenDownFigures.stored(jdbc, IND, region, "2025");
    }

    FigureImports.Outcome csv(String... rows) {
        return BrokenDownFigures.csv(imports, DS, rows);
    }

    static BigDecimal norm(BigDecimal v) {
        return BrokenDownFigures.norm(v);
    }

    static Map<String, BigDecimal> figures(String... pairs) {
        Map<String, BigDecimal> m = new java.util.TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], norm(new BigDecimal(pairs[i + 1])));
        }
        return m;
    }

    @Test
    void theFormTakesOneInputPerCategoryBesideTheTotal() throws Exception {
        var reporter = user(details.loadUserByUsername("reporter"));
        String form = "/collect/" + DS + "/650102/2025";
        mvc.perform(get(form).with(reporter)).andExpect(r -> {
            String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("name=\"value." + IND + ".urban\"", "name=\"value." + IND + ".rural-pastoral\"");
        });
        MvcResult saved = mvc.perform(post(form).with(reporter).with(csrf()).param("value." + IND, "100")
                .param("value." + IND + ".urban", "60").param("value." + IND + ".rural-pastoral", "40")).andReturn();
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(stored("650102")).isEqualTo(figures("_T", "100", "urban", "60", "rural-pastoral", "40"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = ?")
                .param(IND + "/650102/2025/urban").query(Long.class).single()).isPositive();
        // shown again with the stored parts and their versions
        mvc.perform(get(form).with(reporter)).andExpect(r -> assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("name=\"value." + IND + ".urban\"", "value=\"60\"", "name=\"version." + IND + ".urban\""));
        // a part that is not a number: refused on the page, its own input marked, nothing changed
        MvcResult wrong = mvc.perform(post(form).with(reporter).with(csrf()).param("value." + IND, "100")
                .param("version." + IND, "0").param("value." + IND + ".urban", "六十")
                .param("version." + IND + ".urban", "0")).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
        assertThat(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("is-invalid\"[^>]*name=\"value\\." + IND + "\\.urban\"");
        assertThat(stored("650102")).containsEntry("urban", new BigDecimal("60"));
        // a changed part with the version seen updates it
        As.user(details, "reporter");
        int version = jdbc.sql("""
                select o.version from observation o join disaggregation g on g.id = o.disaggregation_id
                join indicator i on i.id = o.indicator_id where i.code = ? and g.code = 'urban'""").param(IND)
                .query(Integer.class).single();
        editor.save(DS, "650102", "2025", List.of(new ObservationEditor.Entry("form", 0, IND, "61", "", null, version, "urban")));
        assertThat(stored("650102")).containsEntry("urban", new BigDecimal("61"));
    }

    @Test
    void anUnknownCategoryInTheFormIsRefusedNamingFieldValueAndReasonAndNothingIsStored() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> editor.save(DS, "650102", "2025",
                List.of(new ObservationEditor.Entry("form", 0, IND, "100", "", null, null),
                        new ObservationEditor.Entry("form", 0, IND, "10", "", null, null, "suburb"))));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(IND + ".suburb");
            assertThat(p.value()).isEqualTo("suburb");
            assertThat(p.kind()).isEqualTo(CollectionProblem.UNKNOWN_BREAKDOWN);
            assertThat(p.args()).containsExactly(DS, "urban, rural-pastoral");
        });
        assertThat(stored("650102")).isEmpty();
    }

    @Test
    void aCsvFileWithABreakdownColumnStoresEachCategoryAndAgainChangesNothing() {
        var first = csv(IND + ",650102,2025,100,,,", IND + ",650102,2025,70,,,urban", IND + ",650102,2025,30,,,rural-pastoral");
        assertThat(first.created()).isEqualTo(3);
        assertThat(stored("650102")).isEqualTo(figures("_T", "100", "urban", "70", "rural-pastoral", "30"));
        var again = csv(IND + ",650102,2025,100,,,", IND + ",650102,2025,70,,,urban", IND + ",650102,2025,30,,,rural-pastoral");
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        var changed = csv(IND + ",650102,2025,69,,,urban", IND + ",650102,2025,31,,,rural-pastoral");
        assertThat(changed.updated()).isEqualTo(2);
        assertThat(stored("650102")).isEqualTo(figures("_T", "100", "urban", "69", "rural-pastoral", "31"));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = ? and action = 'update'")
                .param(IND + "/650102/2025/urban").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownCategoryInACsvFileIsRefusedWithRowFieldValueAndReasonAndNothingIsStored() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> csv(IND + ",650102,2025,100,,,", IND + ",650102,2025,70,,,城镇"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("breakdown");
            assertThat(p.value()).isEqualTo("城镇");
            assertThat(p.kind()).isEqualTo(CollectionProblem.UNKNOWN_BREAKDOWN);
        });
        assertThat(stored("650102")).isEmpty();
    }

    @Test
    void jsonRowsThroughTheApiTakeABreakdownFieldAndAnUnknownOneIs422() throws Exception {
        var reporter = httpBasic(apiReporter(), PASSWORD);
        MvcResult ok = mvc.perform(post("/api/v1/figures?dataSet=" + DS).with(reporter).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        [{"indicator":"%1$s","region":"650102","period":"2025","value":12.5},
                         {"indicator":"%1$s","region":"650102","period":"2025","value":"10","breakdown":"urban"},
                         {"indicator":"%1$s","region":"650102","period":"2025","value":2.5,"breakdown":"rural-pastoral"}]"""
                        .formatted(IND))).andReturn();
        assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(stored("650102")).isEqualTo(figures("_T", "12.5", "urban", "10", "rural-pastoral", "2.5"));

        MvcResult bad = mvc.perform(post("/api/v1/figures?dataSet=" + DS + "&lang=en").with(reporter)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"indicator":"%1$s","region":"650102","period":"2025","value":11,"breakdown":"urban"},
                         {"indicator":"%1$s","region":"650102","period":"2025","value":1,"breakdown":"suburb"}]"""
                        .formatted(IND))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        String body = bad.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"row\":3", "\"field\":\"breakdown\"", "\"value\":\"suburb\"",
                "is not a category the data set t-bdc breaks figures down by (its categories: urban, rural-pastoral)");
        assertThat(stored("650102")).as("the good row of the refused input is not written either")
                .containsEntry("urban", new BigDecimal("10"));

        MvcResult csv = mvc.perform(post("/api/v1/figures?dataSet=" + DS).with(reporter).contentType("text/csv")
                .content((HEADER + "\n" + IND + ",650102,2025,3,,,rural-pastoral\n").getBytes(StandardCharsets.UTF_8)))
                .andReturn();
        assertThat(csv.getResponse().getStatus()).as(csv.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(stored("650102")).containsEntry("rural-pastoral", new BigDecimal("3"));
    }

    private void rule(String severity, String tolerance) {
        As.user(details, "admin");
        try {
            rules.create(new RuleForm("bdc-total-" + severity.toLowerCase(), "合计等于分项之和", "Total is the sum of its parts",
                    "total_of_parts", severity, DS, IND, "", "", "", "", "", tolerance, "", "true"));
        } finally {
            As.user(details, "reporter");
        }
    }

    @Test
    void aTotalThatIsNotTheSumOfItsPartsIsFlaggedAtImportEntryAndReviewIncompletePartsAreNotJudged() {
        rule("ERROR", "1");
        // one part only: the parts are incomplete and not judged, however far off
        assertThat(csv(IND + ",650102,2025,100,,,", IND + ",650102,2025,1,,,urban").created()).isEqualTo(2);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> csv(IND + ",650102,2025,60,,,urban", IND + ",650102,2025,38,,,rural-pastoral"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).as("the first row of the total's parts").isEqualTo(2);
            assertThat(p.field()).isEqualTo("value");
            assertThat(p.kind()).isEqualTo(ValidationProblem.TOTAL_NOT_SUM);
            assertThat(p.args()).containsExactly("100", "98", "urban + rural-pastoral", "1");
        });
        assertThat(stored("650102")).as("nothing of the refused file").isEqualTo(figures("_T", "100", "urban", "1"));
        // within the tolerance (1 % of 100)
        var within = csv(IND + ",650102,2025,60,,,urban", IND + ",650102,2025,39.5,,,rural-pastoral");
        assertThat(within.created() + within.updated()).isEqualTo(2);
        // a total changed in the file against stored parts: named on the total's row
        InvalidInputException total = catchThrowableOfType(InvalidInputException.class,
                () -> csv(IND + ",650102,2025,120,,,"));
        assertThat(total.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.args()).containsExactly("120", "99.5", "urban + rural-pastoral", "1");
        });
        // at entry: a part changed so that the sum is off is refused too
        int version = jdbc.sql("""
                select o.version from observation o join disaggregation g on g.id = o.disaggregation_id
                join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
                where i.code = ? and g.code = 'urban' and r.code = '650102'""").param(IND).query(Integer.class).single();
        InvalidInputException atEntry = catchThrowableOfType(InvalidInputException.class, () -> editor.save(DS, "650102",
                "2025", List.of(new ObservationEditor.Entry("form", 0, IND, "50", "", null, version, "urban"))));
        assertThat(atEntry).isNotNull();
        assertThat(atEntry.problems()).extracting(InputProblem::kind).containsExactly(ValidationProblem.TOTAL_NOT_SUM);
        assertThat(stored("650102")).containsEntry("urban", new BigDecimal("60"));
    }

    @Test
    void aWarningRuleShowsTheDifferenceToTheReviewer() {
        rule("WARNING", "");
        csv(IND + ",650102,2025,100,,,", IND + ",650102,2025,60,,,urban", IND + ",650102,2025,41,,,rural-pastoral");
        As.user(details, "admin");
        assertThat(editor.findings(DS, "650102", "2025")).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ValidationProblem.TOTAL_NOT_SUM);
            assertThat(f.indicatorCode()).isEqualTo(IND);
            assertThat(f.args()).containsExactly("100", "101", "urban + rural-pastoral", "0");
        });
        // and in the validation report of the data set
        assertThat(report.run(DS, "2025").lines()).filteredOn(l -> l.region().code().equals("650102")).singleElement()
                .satisfies(l -> assertThat(l.finding().kind()).isEqualTo(ValidationProblem.TOTAL_NOT_SUM));
    }

    @Autowired Submissions submissions;

    @Test
    void aRequiredIndicatorEnteredByAllItsCategoriesWithoutATotalCanBeSubmittedOnePartCannot() {
        try {
            csv(IND + ",650102,2025,3.25,,,urban", IND + ",650102,2025,,,,");
            Submission draft = submissions.find(DS, "650102", "2025").orElseThrow();
            InvalidInputException refused = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                    () -> submissions.submit(draft.id(), draft.version()));
            assertThat(refused).as("one category is no total").isNotNull();
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo(IND);
                assertThat(p.kind()).isEqualTo(CollectionProblem.REQUIRED_MISSING);
            });

            csv(IND + ",650102,2025,4,,,rural-pastoral");
            Submission again = submissions.find(DS, "650102", "2025").orElseThrow();
            assertThat(submissions.submit(again.id(), again.version()).status().name()).isEqualTo("SUBMITTED");
        } finally {
            jdbc.sql("delete from observation where indicator_id = (select id from indicator where code = ?)").param(IND).update();
            jdbc.sql("delete from submission where data_set_id = (select id from data_set where code = ?)").param(DS).update();
        }
    }

    @Test
    void doneWhenPartsEnteredWithoutATotalSumToTheTotalInTheAggregate() {
        csv(IND + ",650102,2025,3.25,,,urban", IND + ",650102,2025,4,,,rural-pastoral",
                IND + ",650102,2025,,,,");
        assertThat(stored("650102")).isEqualTo(figures("urban", "3.25", "rural-pastoral", "4"));
        // approved (the review workflow is tested elsewhere; here only what the aggregation reads)
        jdbc.sql("update observation set status = 'APPROVED' where indicator_id = (select id from indicator where code = ?)")
                .param(IND).update();
        aggregates.recompute(List.of(IND), "2025");
        assertThat(aggregates.find(IND, "6501", "2025").orElseThrow().value()).isEqualByComparingTo("7.25");
    }

    @Test
    void theReviewPageAndThePublicRegionPageShowTheCategoriesUnderTheTotal() throws Exception {
        csv(IND + ",650102,2025,7.25,,,", IND + ",650102,2025,3.25,,,urban", IND + ",650102,2025,4,,,rural-pastoral");
        long submission = jdbc.sql("select s.id from submission s join data_set d on d.id = s.data_set_id "
                        + "join region r on r.id = s.region_id where d.code = ? and r.code = '650102'").param(DS)
                .query(Long.class).single();
        String review = mvc.perform(get("/review/" + submission).with(user(details.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(review).contains("城镇", "3.25", "农村牧区");
        jdbc.sql("update observation set status = 'APPROVED' where indicator_id = (select id from indicator where code = ?)")
                .param(IND).update();
        String page = mvc.perform(get("/regions/650102?lang=en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int total = page.indexOf("Breakdown entry test subscribers");
        assertThat(total).isPositive();
        String rows = page.substring(total);
        assertThat(rows.indexOf("7.25")).as("the total first").isLessThan(rows.indexOf("3.25"));
        assertThat(rows.indexOf("7.25")).isLessThan(rows.indexOf("Urban"));
        assertThat(rows.indexOf("Urban")).isLessThan(rows.indexOf("3.25"));
    }

    @Test
    void theExcelTemplateCarriesACategoryColumnAndComesBackUnchangedOrChanged() throws Exception {
        csv(IND + ",650102,2025,100,,,", IND + ",650102,2025,60,,,urban", IND + ",650102,2025,40,,,rural-pastoral");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        imports.template(DS, java.util.Locale.SIMPLIFIED_CHINESE, out);
        byte[] template = out.toByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(template))) {
            var sheet = wb.getSheetAt(0);
            List<String> codes = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> codes.add(c.getStringCellValue()));
            assertThat(codes).containsExactly("region", "name", "period", IND, IND + ".urban", IND + ".rural-pastoral");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).endsWith("· 城镇");
            var row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getRowNum() > 1 && r.getCell(0).getStringCellValue().equals("650102")).findFirst().orElseThrow();
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(60.0);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(40.0);
        }
        var same = imports.importFile(DS, "t.xlsx", new ByteArrayInputStream(template));
        assertThat(same.created()).isZero();
        assertThat(same.updated()).isZero();
        assertThat(same.unchanged()).isEqualTo(3);

        byte[] changed;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(template))) {
            var sheet = wb.getSheetAt(0);
            var row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getRowNum() > 1 && r.getCell(0).getStringCellValue().equals("650102")).findFirst().orElseThrow();
            row.getCell(4).setCellValue(55);
            row.getCell(5).setCellValue(45);
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
            wb.write(o);
            changed = o.toByteArray();
        }
        assertThat(imports.importFile(DS, "t.xlsx", new ByteArrayInputStream(changed)).updated()).isEqualTo(2);
        assertThat(stored("650102")).isEqualTo(figures("_T", "100", "urban", "55", "rural-pastoral", "45"));
    }
}
