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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
import org.yardstick.observation.internal.DataSetProblem;
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
 * Crossed breakdowns (交叉分组, area × enterprise size, decision 0051): a data set crosses two of its dimensions, a
 * figure carries one combination stored under its canonical code (urban+t-crb-large, whatever the order typed),
 * entered in the form's grid, a CSV, the Excel template and the API; a combination missing a crossed dimension,
 * naming a category of no crossed dimension, or sent to a data set that does not cross → refused naming row,
 * field, value and reason, nothing stored; a subtotal that disagrees with its cells is flagged by the
 * total-of-parts rule; cells without totals make the prefecture's total (the sum of the cells equals each margin
 * equals the total, on random tables). The demo reporter of 天山区 (650102); each test rolls back.
 */
@YardstickTest
@Transactional
class CrossedBreakdownsTest {

    static final String IND = "TEST_CRB_USERS";
    static final String DS = "t-crb";
    static final String PASSWORD = "Kq7#vLm2pX9w-Crossed-cells";
    static final List<String> AREAS = List.of("urban", "rural-pastoral");
    static final List<String> SIZES = List.of("t-crb-large", "t-crb-small");

    @Autowired JdbcClient jdbc;
    @Autowired FrameworkFiles frameworks;
    @Autowired DataSetFiles dataSetFiles;
    @Autowired DataSets dataSets;
    @Autowired ObservationEditor editor;
    @Autowired FigureImports imports;
    @Autowired ValidationRules rules;
    @Autowired Aggregates aggregates;
    @Autowired UserDetailsService details;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired DataSetAuthoring authoring;

    @BeforeEach
    void aDataSetCrossingAreaAndEnterpriseSize() {
        frameworks.load(new MapFileSet().with("disaggregations.yaml", """
                disaggregations:
                  - {code: t-crb-large, dimension: enterprise_size, name_zh: 大型企业测试, name_en: Large test firms}
                  - {code: t-crb-small, dimension: enterprise_size, name_zh: 小型企业测试, name_en: Small test firms}
                """).with("indicators.yaml", """
                indicators:
                  - code: TEST_CRB_USERS
                    name_zh: 交叉分组测试用户数
                    name_en: Crossed breakdown test subscribers
                    unit_zh: 户
                    unit_en: households
                    polarity: positive
                    aggregation: sum
                    incomplete: show
                """), "planner");
        dataSetFiles.load(new MapFileSet().with("data-sets.yaml", """
                data_sets:
                  - code: t-crb
                    name_zh: 交叉分组测试报表
                    name_en: Crossed breakdown test form
                    region_level: county
                    period_type: year
                    indicators: [TEST_CRB_USERS]
                    breakdowns:
                      enterprise_size: [t-crb-large, t-crb-small]
                      area: [urban, rural-pastoral]
                      crossed: [enterprise_size, area]
                    windows:
                      - {period: "2025", opens: 2026-05-01, closes: 2026-06-30}
                  - code: t-crb-flat
                    name_zh: 未交叉测试报表
                    name_en: Uncrossed test form
                    region_level: county
                    period_type: year
                    indicators: [TEST_CRB_USERS]
                    breakdowns: {area: [urban, rural-pastoral], enterprise_size: [t-crb-large, t-crb-small]}
                    windows:
                      - {period: "2024", opens: 2026-05-01, closes: 2026-06-30}
                """));
        As.user(details, "reporter");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    /** The figures of 2025 in a region by category or cell code, and the rows of a CSV imported into t-crb. */
    Map<String, BigDecimal> stored(String region) {
        return BrokenDownFigures.stored(jdbc, IND, region, "2025");
    }

    FigureImports.Outcome csv(String... rows) {
        return BrokenDownFigures.csv(imports, DS, rows);
    }

    @Test
    void theDataSetDeclaresTheCrossingAndHasOneCanonicalCombinationPerCell() {
        assertThat(dataSets.crossed(DS)).containsExactly("ENTERPRISE_SIZE", "AREA");
        assertThat(dataSets.breakdowns(DS).get(DataSets.CROSSED)).containsExactlyInAnyOrder(
                "urban+t-crb-large", "urban+t-crb-small", "rural-pastoral+t-crb-large", "rural-pastoral+t-crb-small");
        assertThat(dataSets.declared(DS)).containsEntry(DataSets.CROSSED, List.of("enterprise_size", "area"))
                .containsEntry("AREA", AREAS);
        assertThat(jdbc.sql("""
                        select count(*) from disaggregation_part p join disaggregation g on g.id = p.disaggregation_id
                        where g.code = 'urban+t-crb-large' and g.dimension = 'CROSSED'""").query(Long.class).single())
                .isEqualTo(2);
        assertThat(dataSets.crossed("t-crb-flat")).isEmpty();
        assertThat(dataSets.breakdowns("t-crb-flat")).doesNotContainKey(DataSets.CROSSED);
    }

    @Test
    void theExportWritesTheCrossingNotItsCellsAndReadsBackUnchanged() {
        Map<String, String> files = frameworks.export(List.of());
        assertThat(files.get("disaggregations.yaml")).contains("t-crb-large").doesNotContain("+");
        String dataSetsFile = files.get("data-sets.yaml");
        assertThat(dataSetsFile).containsPattern("crossed: \\[\"?enterprise_size\"?, \"?area\"?\\]");
        frameworks.load(new MapFileSet().with("disaggregations.yaml", files.get("disaggregations.yaml")), "planner");
        dataSetFiles.load(new MapFileSet().with("data-sets.yaml", dataSetsFile));
        assertThat(dataSets.crossed(DS)).containsExactly("ENTERPRISE_SIZE", "AREA");
        assertThat(dataSets.breakdowns(DS).get(DataSets.CROSSED)).hasSize(4);
    }

    @Test
    void theFormShowsTheGridAndStoresEachCell() throws Exception {
        var reporter = user(details.loadUserByUsername("reporter"));
        String form = "/collect/" + DS + "/650102/2025";
        String html = mvc.perform(get(form).with(reporter)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("ys-grid", "name=\"value." + IND + ".urban+t-crb-large\"",
                "name=\"value." + IND + ".rural-pastoral+t-crb-small\"", "name=\"value." + IND + ".urban\"", "大型企业测试");
        // rows are the first crossed dimension (enterprise size), columns the second (area)
        assertThat(html.indexOf("value." + IND + ".urban+t-crb-large\"")).isLessThan(html.indexOf("value." + IND + ".rural-pastoral+t-crb-large\""));
        assertThat(html.indexOf("value." + IND + ".rural-pastoral+t-crb-large\"")).isLessThan(html.indexOf("value." + IND + ".urban+t-crb-small\""));
        MvcResult saved = mvc.perform(post(form).with(reporter).with(csrf()).param("value." + IND, "100")
                .param("value." + IND + ".urban+t-crb-large", "40").param("value." + IND + ".urban+t-crb-small", "20")
                .param("value." + IND + ".rural-pastoral+t-crb-large", "25").param("value." + IND + ".rural-pastoral+t-crb-small", "15"))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(stored("650102")).containsEntry("_T", new BigDecimal("100")).containsEntry("urban+t-crb-large", new BigDecimal("40"))
                .containsEntry("rural-pastoral+t-crb-small", new BigDecimal("15")).hasSize(5);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = ?")
                .param(IND + "/650102/2025/urban+t-crb-large").query(Long.class).single()).isPositive();
        // a cell that is not a number: refused on the page, its own input marked, nothing changed
        MvcResult wrong = mvc.perform(post(form).with(reporter).with(csrf())
                .param("value." + IND + ".urban+t-crb-small", "二十一").param("version." + IND + ".urban+t-crb-small", "0"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
        assertThat(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("is-invalid\"[^>]*name=\"value\\." + IND + "\\.urban\\+t-crb-small\"");
        assertThat(stored("650102")).containsEntry("urban+t-crb-small", new BigDecimal("20"));
        // the reviewer sees each cell by its name
        long submission = jdbc.sql("select s.id from submission s join data_set d on d.id = s.data_set_id "
                        + "join region r on r.id = s.region_id where d.code = ? and r.code = '650102'").param(DS)
                .query(Long.class).single();
        String review = mvc.perform(get("/review/" + submission).with(user(details.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(review).contains("城镇×大型企业测试", "农村牧区×小型企业测试");
    }

    @Test
    void aCsvFileTakesTheCombinationInAnyOrderAndStoresItCanonically() {
        var first = csv(IND + ",650102,2025,30,,,t-crb-large+urban", IND + ",650102,2025,12,,,urban + t-crb-small");
        assertThat(first.created()).isEqualTo(2);
        assertThat(stored("650102")).containsOnlyKeys("urban+t-crb-large", "urban+t-crb-small");
        var again = csv(IND + ",650102,2025,30,,,urban+t-crb-large");
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.created() + again.updated()).isZero();
    }

    @Test
    void badCombinationsAreRefusedWithRowFieldValueAndReasonAndNothingIsStored() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> csv(
                IND + ",650102,2025,30,,,urban+t-crb-large",
                IND + ",650102,2025,1,,,urban+t-crb-huge",
                IND + ",650102,2025,2,,,urban+rural-pastoral",
                IND + ",650102,2025,3,,,urban+"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(InputProblem::line).containsExactly(3L, 4L, 5L);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.field()).isEqualTo("breakdown"));
        assertThat(e.problems()).extracting(InputProblem::value).containsExactly("urban+t-crb-huge", "urban+rural-pastoral", "urban+");
        assertThat(e.problems()).extracting(InputProblem::kind).containsExactly(CollectionProblem.COMBINATION_UNKNOWN_CATEGORY,
                CollectionProblem.COMBINATION_TWICE, CollectionProblem.COMBINATION_UNKNOWN_CATEGORY);
        assertThat(e.problems().get(0).args()).containsExactly("t-crb-huge", DS,
                "area: urban, rural-pastoral; enterprise_size: t-crb-large, t-crb-small");
        assertThat(stored("650102")).isEmpty();

        // a combination on a data set that crosses nothing
        InvalidInputException flat = catchThrowableOfType(InvalidInputException.class, () -> editor.save("t-crb-flat", "650102",
                "2024", List.of(new ObservationEditor.Entry("form", 0, IND, "5", "", null, null, "urban+t-crb-large"))));
        assertThat(flat.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(IND + ".urban+t-crb-large");
            assertThat(p.value()).isEqualTo("urban+t-crb-large");
            assertThat(p.kind()).isEqualTo(CollectionProblem.COMBINATION_NOT_CROSSED);
            assertThat(p.args()).containsExactly("t-crb-flat", "—");
        });
    }

    @Test
    void aCombinationMissingACrossedDimensionOrNamingAnUncrossedOneIsRefused() {
        frameworks.load(new MapFileSet().with("disaggregations.yaml", """
                disaggregations:
                  - {code: t-crb-ict, dimension: industry, name_zh: 信息业测试, name_en: ICT test}
                  - {code: t-crb-other, dimension: industry, name_zh: 其他行业测试, name_en: Other test}
                """), "planner");
        dataSetFiles.load(new MapFileSet().with("data-sets.yaml", """
                data_sets:
                  - code: t-crb-three
                    name_zh: 三维交叉测试报表
                    name_en: Three-way test form
                    region_level: county
                    period_type: year
                    indicators: [TEST_CRB_USERS]
                    breakdowns: {area: [urban, rural-pastoral], enterprise_size: [t-crb-large, t-crb-small],
                                 industry: [t-crb-ict, t-crb-other], crossed: [area, enterprise_size, industry]}
                    windows:
                      - {period: "2023", opens: 2026-05-01, closes: 2026-06-30}
                """));
        As.user(details, "reporter");
        assertThat(dataSets.breakdowns("t-crb-three").get(DataSets.CROSSED)).hasSize(8).contains("urban+t-crb-large+t-crb-ict");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> editor.save("t-crb-three", "650102",
                "2023", List.of(new ObservationEditor.Entry("form", 0, IND, "5", "", null, null, "t-crb-large+urban"))));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CollectionProblem.COMBINATION_INCOMPLETE);
            assertThat(p.args()).containsExactly("industry", "t-crb-three", "area × enterprise_size × industry");
        });
        // the same combination typed to t-crb: fine there; with industry it names a dimension t-crb does not cross
        InvalidInputException uncrossed = catchThrowableOfType(InvalidInputException.class, () -> editor.save(DS, "650102",
                "2025", List.of(new ObservationEditor.Entry("form", 0, IND, "5", "", null, null, "urban+t-crb-large+t-crb-ict"))));
        assertThat(uncrossed.problems()).singleElement().satisfies(p ->
                assertThat(p.kind()).isEqualTo(CollectionProblem.COMBINATION_UNKNOWN_CATEGORY));
        assertThat(jdbc.sql("select count(*) from observation where indicator_id = (select id from indicator where code = ?)")
                .param(IND).query(Long.class).single()).isZero();
        // the three-way combination in any order is one cell
        As.user(details, "reporter");
        editor.save("t-crb-three", "650102", "2023",
                List.of(new ObservationEditor.Entry("form", 0, IND, "5", "", null, null, "t-crb-ict+urban+t-crb-large")));
        assertThat(jdbc.sql("""
                select g.code from observation o join disaggregation g on g.id = o.disaggregation_id
                where o.indicator_id = (select id from indicator where code = ?)""").param(IND).query(String.class).list())
                .containsExactly("urban+t-crb-large+t-crb-ict");
    }

    @Test
    void aCrossingOfUndeclaredOrTooFewDimensionsIsRefusedAndNothingIsWritten() {
        InvalidInputException e = badCrossing("{area: [urban, rural-pastoral], crossed: [area, industry]}");
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).endsWith("breakdowns.crossed");
            assertThat(p.value()).isEqualTo("industry");
            assertThat(p.kind()).isEqualTo(DataSetProblem.CROSSED_NOT_DECLARED);
            assertThat(p.args()).containsExactly("area");
        });
        InvalidInputException few = badCrossing("{area: [urban, rural-pastoral], crossed: [area]}");
        assertThat(few.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(DataSetProblem.CROSSED_TOO_FEW));
        assertThat(dataSets.find("t-crb-bad")).isEmpty();
    }

    @Test
    void aChangeCrossesTheDimensionsAndCannotUncrossThemWhileCellsHaveFigures() {
        As.user(details, "admin");
        DataSet flat = dataSets.get("t-crb-flat");
        Map<String, List<String>> crossing = new java.util.LinkedHashMap<>();
        crossing.put("area", AREAS);
        crossing.put("enterprise_size", SIZES);
        crossing.put("crossed", List.of("area", "enterprise_size"));
        authoring.update("t-crb-flat", draft(flat, crossing), null, "按规模交叉");
        assertThat(dataSets.crossed("t-crb-flat")).containsExactly("AREA", "ENTERPRISE_SIZE");
        assertThat(DataSetAuthoring.breakdownText(dataSets.declared("t-crb-flat"))).contains("crossed: area enterprise_size");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = 't-crb-flat' and action = 'update'")
                .query(Long.class).single()).isPositive();
        As.user(details, "reporter");
        editor.save("t-crb-flat", "650102", "2024",
                List.of(new ObservationEditor.Entry("form", 0, IND, "5", "", null, null, "t-crb-large+urban")));
        As.user(details, "admin");
        Map<String, List<String>> uncrossed = new java.util.LinkedHashMap<>(crossing);
        uncrossed.remove("crossed");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> authoring.update("t-crb-flat", draft(dataSets.get("t-crb-flat"), uncrossed), null, "取消交叉"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("urban+t-crb-large");
            assertThat(p.kind()).isEqualTo(DataSetProblem.BREAKDOWN_HAS_FIGURES);
        });
        assertThat(dataSets.crossed("t-crb-flat")).as("unchanged").containsExactly("AREA", "ENTERPRISE_SIZE");
    }

    static DataSetAuthoring.Draft draft(DataSet d, Map<String, List<String>> breakdowns) {
        var o = DataSetAuthoring.Draft.of(d);
        return new DataSetAuthoring.Draft(o.code(), o.nameZh(), o.nameEn(), o.regionLevel(), o.periodType(), o.planCode(),
                o.descriptionZh(), o.descriptionEn(), o.items(), o.regionCodes(), o.maxDecimals(), List.of(), breakdowns);
    }

    /** What loading a data set with these breakdowns refuses. */
    InvalidInputException badCrossing(String breakdowns) {
        return catchThrowableOfType(InvalidInputException.class, () -> dataSetFiles.load(new MapFileSet()
                .with("data-sets.yaml", """
                        data_sets:
                          - code: t-crb-bad
                            name_zh: 错误交叉测试报表
                            name_en: Bad crossing test form
                            region_level: county
                            period_type: year
                            indicators: [TEST_CRB_USERS]
                            breakdowns: %s
                        """.formatted(breakdowns))));
    }

    @Test
    void theApiTakesCombinationsAndRefusesABadOneWith422() throws Exception {
        String name = "crb-reporter-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        accounts.create(new NewAccount(name, "交叉分组测试填报人", PASSWORD, Role.REPORTER, "650102", null, false), "admin");
        As.nobody();
        String dataSet = mvc.perform(get("/api/v1/data-sets/" + DS).with(httpBasic(name, PASSWORD))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dataSet).as("the crossing as declared, not its cells").contains("\"crossed\":[\"enterprise_size\",\"area\"]")
                .doesNotContain("urban+t-crb-large");
        MvcResult ok = mvc.perform(post("/api/v1/figures?dataSet=" + DS).with(httpBasic(name, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        [{"indicator":"%1$s","region":"650102","period":"2025","value":"7","breakdown":"t-crb-small+rural-pastoral"}]"""
                        .formatted(IND))).andReturn();
        assertThat(ok.getResponse().getStatus()).as(ok.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(stored("650102")).containsOnlyKeys("rural-pastoral+t-crb-small");
        MvcResult bad = mvc.perform(post("/api/v1/figures?dataSet=" + DS).with(httpBasic(name, PASSWORD))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("""
                        [{"indicator":"%1$s","region":"650102","period":"2025","value":"8","breakdown":"urban+t-crb-large"},
                         {"indicator":"%1$s","region":"650102","period":"2025","value":"9","breakdown":"urban+t-crb-large+rural-pastoral"}]"""
                        .formatted(IND))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        String body = bad.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("\"row\":3", "\"field\":\"breakdown\"", "\"value\":\"urban+t-crb-large+rural-pastoral\"",
                "names two categories of the dimension area");
        assertThat(stored("650102")).as("nothing of the refused request").containsOnlyKeys("rural-pastoral+t-crb-small");
        MvcResult zh = mvc.perform(post("/api/v1/figures?dataSet=" + DS).with(httpBasic(name, PASSWORD))
                .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON).content("""
                        [{"indicator":"%1$s","region":"650102","period":"2025","value":"9","breakdown":"urban+t-crb-huge"}]"""
                        .formatted(IND))).andReturn();
        assertThat(zh.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("不是数据集 t-crb 交叉维度的类别");
    }

    @Test
    void theExcelTemplateHasAColumnPerCombinationAndReadsItBack() throws Exception {
        csv(IND + ",650102,2025,40,,,urban+t-crb-large");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        imports.template(DS, java.util.Locale.SIMPLIFIED_CHINESE, out);
        byte[] template = out.toByteArray();
        int column;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(template))) {
            var sheet = wb.getSheetAt(0);
            List<String> codes = new ArrayList<>();
            sheet.getRow(0).forEach(c -> codes.add(c.getStringCellValue()));
            assertThat(codes).contains(IND + ".urban", IND + ".t-crb-large", IND + ".urban+t-crb-large", IND + ".rural-pastoral+t-crb-small");
            column = codes.indexOf(IND + ".urban+t-crb-large");
            assertThat(sheet.getRow(1).getCell(column).getStringCellValue()).contains("城镇×大型企业测试");
            var row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getRowNum() > 1 && r.getCell(0).getStringCellValue().equals("650102")).findFirst().orElseThrow();
            assertThat(row.getCell(column).getNumericCellValue()).isEqualTo(40.0);
            row.getCell(column).setCellValue(44);
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
            wb.write(o);
            template = o.toByteArray();
        }
        assertThat(imports.importFile(DS, "t.xlsx", new ByteArrayInputStream(template)).updated()).isEqualTo(1);
        assertThat(stored("650102")).containsEntry("urban+t-crb-large", new BigDecimal("44"));
    }

    @Test
    void aSubtotalOrTotalThatDisagreesWithItsCellsIsFlaggedByTheTotalOfPartsRule() {
        As.user(details, "admin");
        try {
            rules.create(new RuleForm("crb-total", "合计等于分项之和", "Total is the sum of its parts",
                    "total_of_parts", "ERROR", DS, IND, "", "", "", "", "", "0", "", "true"));
        } finally {
            As.user(details, "reporter");
        }
        // the urban subtotal 70 against its cells 40 + 20 = 60
        InvalidInputException margin = catchThrowableOfType(InvalidInputException.class, () -> csv(
                IND + ",650102,2025,70,,,urban", IND + ",650102,2025,40,,,urban+t-crb-large",
                IND + ",650102,2025,20,,,t-crb-small+urban"));
        assertThat(margin).isNotNull();
        assertThat(margin.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ValidationProblem.MARGIN_NOT_SUM);
            assertThat(p.args()).containsExactly("urban", "70", "60", "urban+t-crb-large + urban+t-crb-small", "0");
        });
        assertThat(stored("650102")).isEmpty();
        // the total 100 against the four cells 40 + 20 + 25 + 10 = 95
        InvalidInputException total = catchThrowableOfType(InvalidInputException.class, () -> csv(
                IND + ",650102,2025,100,,,", IND + ",650102,2025,40,,,urban+t-crb-large", IND + ",650102,2025,20,,,urban+t-crb-small",
                IND + ",650102,2025,25,,,rural-pastoral+t-crb-large", IND + ",650102,2025,10,,,rural-pastoral+t-crb-small"));
        assertThat(total.problems()).extracting(InputProblem::kind).containsExactly(ValidationProblem.TOTAL_NOT_SUM);
        // agreeing figures are taken
        var fine = csv(IND + ",650102,2025,95,,,", IND + ",650102,2025,60,,,urban", IND + ",650102,2025,35,,,rural-pastoral",
                IND + ",650102,2025,40,,,urban+t-crb-large", IND + ",650102,2025,20,,,urban+t-crb-small",
                IND + ",650102,2025,25,,,rural-pastoral+t-crb-large", IND + ",650102,2025,10,,,rural-pastoral+t-crb-small");
        assertThat(fine.created()).isEqualTo(7);
    }

    /**
     * The property, on the database: random cells of every county of 乌鲁木齐, entered without totals, approved. For
     * each county and area: its cells only, its cells and their subtotal, or the subtotal only (then the other
     * area's subtotal is made from its cells). The prefecture's total equals the sum of every figure, the area
     * margins sum to it, and the cells sum to each enterprise-size margin and to the total of the cells.
     */
    @Test
    void cellsWithoutTotalsMakeEachMarginAndThePrefecturesTotal() {
        List<String> counties = jdbc.sql("""
                select r.code from region r join region p on p.id = r.parent_id where p.code = '6501' order by r.code""")
                .query(String.class).list();
        assertThat(counties).hasSizeGreaterThan(3);
        Random random = new Random(11);
        BigDecimal all = BigDecimal.ZERO;
        BigDecimal cellsOnly = BigDecimal.ZERO;
        Map<String, BigDecimal> margins = new TreeMap<>();
        List<String> rows = new ArrayList<>();
        for (String county : counties) {
            for (String area : AREAS) {
                // 0: cells, 1: cells and subtotal, 2: subtotal only; the first county: urban cells beside a rural subtotal
                int mode = county.equals(counties.get(0)) ? (area.equals("urban") ? 0 : 2) : random.nextInt(3);
                BigDecimal areaSum = BigDecimal.ZERO;
                for (String size : SIZES) {
                    BigDecimal v = BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(3));
                    areaSum = areaSum.add(v);
                    if (mode < 2) {
                        rows.add(IND + "," + county + ",2025," + v.toPlainString() + ",,,"
                                + (random.nextBoolean() ? area + "+" + size : size + "+" + area));
                        cellsOnly = cellsOnly.add(v);
                        margins.merge(size, v, BigDecimal::add);
                    }
                }
                if (mode > 0) {
                    rows.add(IND + "," + county + ",2025," + areaSum.toPlainString() + ",,," + area);
                }
                all = all.add(areaSum);
                margins.merge(area, areaSum, BigDecimal::add);
            }
        }
        As.user(details, "admin");
        csv(rows.toArray(String[]::new));
        jdbc.sql("update observation set status = 'APPROVED' where indicator_id = (select id from indicator where code = ?)")
                .param(IND).update();
        aggregates.recompute(List.of(IND), "2025");
        BigDecimal prefecture = aggregates.find(IND, "6501", "2025").orElseThrow().value();
        assertThat(prefecture).isEqualByComparingTo(all);
        assertThat(margins.get("urban").add(margins.get("rural-pastoral"))).isEqualByComparingTo(all);
        assertThat(margins.get("t-crb-large").add(margins.get("t-crb-small"))).isEqualByComparingTo(cellsOnly);
        // the stored cells sum to the total of the cells
        BigDecimal cells = jdbc.sql("""
                select coalesce(sum(o.obs_value), 0) from observation o join disaggregation g on g.id = o.disaggregation_id
                where o.indicator_id = (select id from indicator where code = ?) and g.dimension = 'CROSSED'""")
                .param(IND).query(BigDecimal.class).single();
        assertThat(cells).isEqualByComparingTo(cellsOnly);
    }
}
