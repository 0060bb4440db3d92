package org.yardstick.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Change;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.framework.FrameworkProblem;
import org.yardstick.observation.internal.DataSetProblem;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * {@code data-sets.yaml} is a framework file like the others at any time: the framework import merges it by code
 * (preview, then apply in one transaction; the same file again changes nothing) and the export writes it, so that
 * export → import is lossless; a bad data set is refused naming file, line, field and reason, and nothing is written.
 */
@YardstickTest
@Transactional
class DataSetFrameworkFilesTest {

    static final String PASSWORD = "Fw2-datasets-4417-qk";
    static final String DEMO = "xj-county-info";

    @Autowired FrameworkFiles frameworks;
    @Autowired DataSets dataSets;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired MockMvc mvc;

    @BeforeEach
    void asAdmin() {
        As.user(details, "admin");
        accounts.create(new NewAccount("fw2-ds-xj", "规划处（数据集文件测试）", PASSWORD, Role.PLANNER, "65", null, false), "test");
        accounts.create(new NewAccount("fw2-ds-nm", "规划处（数据集文件测试）", PASSWORD, Role.PLANNER, "15", null, false), "test");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    static String file(String code, String extra) {
        return """
                data_sets:
                  - code: %s
                    name_zh: 伊犁州信息化年报
                    name_en: Ili informatization annual form
                    region_level: county
                    period_type: year
                    plan: xj-info-13fyp
                    regions: ["6540"]
                    max_decimals: 4
                    indicators:
                      - BB_USERS
                      - {indicator: FTTB_RATE, required: false}
                    breakdowns:
                      area: [urban, rural-pastoral]
                    windows:
                      - {period: "2021", opens: 2026-05-01, closes: 2026-07-31, reason: 普查后补报}
                      - {period: "2025", opens: 2026-01-01, closes: 2026-12-31}
                %s""".formatted(code, extra);
    }

    /** The window of a period as the export writes it. */
    static String window(DataSet.Window w) {
        return "{period: \"" + w.period() + "\", opens: " + w.opensOn() + ", closes: " + w.closesOn();
    }

    @Test
    void theDemosDataSetsExportAndImportUnchangedAndAChangedWindowIsExactlyThatChange() {
        Map<String, String> exported = frameworks.export(List.of("xj-info-13fyp"));
        String text = exported.get("data-sets.yaml");
        assertThat(text).contains("code: \"" + DEMO + "\"").contains("{indicator: \"FTTB_RATE\", required: false}");
        MapFileSet files = new MapFileSet();
        exported.forEach(files::with);
        assertThat(frameworks.preview(files, Change.file("")).items()).isEmpty();
        assertThat(frameworks.preview(files, Change.file("")).counts().get("data_set").unchanged()).isPositive();

        List<DataSet.Window> windows = dataSets.get(DEMO).windows();
        DataSet.Window w = windows.get(windows.size() - 1);
        String moved = window(new DataSet.Window(w.period(), w.opensOn(), w.closesOn().plusDays(10)));
        assertThat(text).contains(window(w));
        MapFileSet changed = new MapFileSet().with("data-sets.yaml", text.replace(window(w), moved));
        FrameworkFiles.Summary preview = frameworks.preview(changed, Change.file(""));
        assertThat(preview.items()).singleElement().satisfies(item -> {
            assertThat(item.type()).isEqualTo("data_set");
            assertThat(item.key()).isEqualTo(DEMO + "/" + w.period());
            assertThat(item.action()).isEqualTo("changed");
            assertThat(item.fields()).containsExactly(new FrameworkFiles.FieldDiff("window " + w.period(),
                    w.opensOn() + ".." + w.closesOn(), w.opensOn() + ".." + w.closesOn().plusDays(10)));
        });
        assertThat(dataSets.get(DEMO).window(w.period()).orElseThrow().closesOn()).as("a preview writes nothing").isEqualTo(w.closesOn());

        assertThat(frameworks.apply(changed, Change.file("窗口延长")).changes()).isEqualTo(1);
        assertThat(dataSets.get(DEMO).window(w.period()).orElseThrow().closesOn()).isEqualTo(w.closesOn().plusDays(10));
        assertThat(jdbc.sql("""
                select count(*) from audit_event where entity_type = 'data_set' and entity_key = ? and field = 'channel'
                and new_value = 'file'""").param(DEMO + "/" + w.period()).query(Long.class).single()).isEqualTo(1);
        assertThat(frameworks.preview(changed, Change.file("")).items()).as("the same file again changes nothing").isEmpty();
    }

    @Test
    void aDataSetInAFileIsCreatedExportedAndReimportedWithoutLoss() {
        FrameworkFiles.Summary applied = frameworks.apply(new MapFileSet().with("data-sets.yaml", file("fw2-ili", "")),
                Change.file(""));
        assertThat(applied.counts().get("data_set").added()).isEqualTo(1);
        DataSet d = dataSets.get("fw2-ili");
        assertThat(d.items()).containsExactly(new DataSet.Item("BB_USERS", true), new DataSet.Item("FTTB_RATE", false));
        assertThat(d.regionCodes()).containsExactly("6540");
        assertThat(d.maxDecimals()).isEqualTo(4);
        assertThat(d.planCode()).isEqualTo("xj-info-13fyp");
        assertThat(d.window("2021")).hasValueSatisfying(w -> assertThat(w.reason()).isEqualTo("普查后补报"));
        assertThat(dataSets.breakdowns("fw2-ili")).isEqualTo(Map.of("AREA", List.of("urban", "rural-pastoral")));

        String exported = frameworks.export(List.of()).get("data-sets.yaml");
        assertThat(exported).contains("code: \"fw2-ili\"").contains("area: [\"urban\", \"rural-pastoral\"]")
                .contains("reason: \"普查后补报\"");
        MapFileSet again = new MapFileSet().with("data-sets.yaml", exported);
        assertThat(frameworks.preview(again, Change.file("")).items()).isEmpty();
        assertThat(frameworks.apply(again, Change.file("")).changes()).isZero();
        assertThat(frameworks.export(List.of()).get("data-sets.yaml")).isEqualTo(exported);

        FrameworkFiles.Summary renamed = frameworks.preview(new MapFileSet().with("data-sets.yaml",
                file("fw2-ili", "").replace("Ili informatization annual form", "Ili annual form")), Change.file(""));
        assertThat(renamed.items()).singleElement().satisfies(item -> assertThat(item.fields())
                .containsExactly(new FrameworkFiles.FieldDiff("name_en", "Ili informatization annual form", "Ili annual form")));
    }

    @Test
    void badDataSetsAreRefusedWholeNamingFileLineFieldAndReasonAndNothingIsWritten() {
        String bad = file("fw2-good", """
                  - code: fw2-unknown
                    name_zh: 未知指标
                    name_en: Unknown indicator
                    region_level: county
                    period_type: year
                    indicators: [BB_USERS, NOPE]
                  - code: fw2-overlap
                    name_zh: 重复窗口
                    name_en: Two windows of a period
                    region_level: county
                    period_type: year
                    indicators: [BB_USERS]
                    windows:
                      - {period: "2025", opens: 2026-01-01, closes: 2026-06-30}
                      - {period: "2025", opens: 2026-06-01, closes: 2026-12-31}
                  - code: fw2-two-dimensions
                    name_zh: 分组跨维度
                    name_en: A category in two dimensions
                    region_level: county
                    period_type: year
                    indicators: [BB_USERS]
                    breakdowns:
                      area: [urban]
                      industry: [urban]
                """);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> frameworks.apply(new MapFileSet().with("data-sets.yaml", bad), Change.file("")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(InputProblem::kind).containsExactly(FrameworkProblem.UNKNOWN_INDICATOR,
                DataSetProblem.WINDOW_TWICE, DataSetProblem.IN_TWO_DIMENSIONS);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).contains("data-sets.yaml"));
        assertThat(e.problems()).extracting(InputProblem::line).containsExactly(23L, 32L, 41L);
        assertThat(e.problems()).extracting(InputProblem::value).containsExactly("NOPE", "2025", "urban");
        assertThat(e.problems().get(0).field()).isEqualTo("data_sets[2].indicators[2]");
        for (String code : List.of("fw2-good", "fw2-unknown", "fw2-overlap", "fw2-two-dimensions")) {
            assertThat(dataSets.find(code)).as(code).isEmpty();
        }

        // refused by the write path (an unknown region) after a good data set was written: the import undoes it
        InvalidInputException region = catchThrowableOfType(InvalidInputException.class, () -> frameworks.apply(
                new MapFileSet().with("data-sets.yaml", file("fw2-good", "") + file("fw2-region", "").replace("data_sets:\n", "")
                        .replace("\"6540\"", "\"999999\"")), Change.file("")));
        assertThat(region).isNotNull();
        assertThat(region.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(DataSetProblem.UNKNOWN_REGION);
            assertThat(p.source()).contains("data-sets.yaml");
            assertThat(p.line()).as("the data set's line").isEqualTo(18);
            assertThat(p.field()).isEqualTo("data_sets[2].regions[0]");
            assertThat(p.value()).isEqualTo("999999");
        });
        assertThat(dataSets.find("fw2-good")).isEmpty();
    }

    @Test
    void aPlannerImportsOnlyDataSetsOfTheirRegion() {
        As.user(details, "fw2-ds-nm");
        assertThat(catchThrowableOfType(org.springframework.security.access.AccessDeniedException.class,
                () -> frameworks.apply(new MapFileSet().with("data-sets.yaml", file("fw2-scope", "")), Change.file(""))))
                .isNotNull();
        assertThat(dataSets.find("fw2-scope")).isEmpty();
        As.user(details, "fw2-ds-xj");
        assertThat(frameworks.apply(new MapFileSet().with("data-sets.yaml", file("fw2-scope", "")), Change.file(""))
                .counts().get("data_set").added()).isEqualTo(1);
    }

    @Test
    void theApiPreviewsDataSetChangesAndRefusesABadOneWith422() throws Exception {
        As.nobody();
        mvc.perform(post("/api/v1/frameworks").param("dryRun", "true").with(httpBasic("fw2-ds-xj", PASSWORD))
                        .contentType("application/yaml").content(file("fw2-api", "").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.counts.data_set.added").value(1))
                .andExpect(jsonPath("$.items[0].type").value("data_set"))
                .andExpect(jsonPath("$.items[0].key").value("fw2-api"))
                .andExpect(jsonPath("$.items[0].action").value("added"));
        assertThat(dataSets.find("fw2-api")).isEmpty();
        mvc.perform(post("/api/v1/frameworks").with(httpBasic("fw2-ds-xj", PASSWORD)).header("Accept-Language", "en")
                        .contentType("application/yaml")
                        .content(file("fw2-api", "").replace("- BB_USERS", "- NOPE").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("data_sets[1].indicators[1]"))
                .andExpect(jsonPath("$.problems[0].value").value("NOPE"))
                .andExpect(jsonPath("$.problems[0].line").value(11))
                .andExpect(jsonPath("$.problems[0].source").value(org.hamcrest.Matchers.containsString("data-sets.yaml")));
        assertThat(dataSets.find("fw2-api")).isEmpty();
    }
}
