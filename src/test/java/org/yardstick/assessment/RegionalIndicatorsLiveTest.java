package org.yardstick.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.assessment.engine.Questionnaire;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.assessment.internal.Enterprises;
import org.yardstick.assessment.internal.Questionnaires;
import org.yardstick.assessment.internal.RegionalIndicators;
import org.yardstick.assessment.internal.SizeClass;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InvalidInputException;

/**
 * The live path of the regional indicators, committed: every incremental recomputation leaves exactly what a full
 * recomputation would (it then finds nothing to write) over a random sequence of submissions and returns; an import of
 * 30 enterprises recomputes once, a refused one not at all; registering a 规上 enterprise moves coverage at once.
 */
@YardstickTest
class RegionalIndicatorsLiveTest {

    static final String PASSWORD = RegionalIndicatorsTest.PASSWORD;
    static final OffsetDateTime WHEN = RegionalIndicatorsTest.WHEN;

    @Autowired RegionalIndicators indicators;
    @Autowired Enterprises enterprises;
    @Autowired Questionnaires questionnaires;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService details;
    @Autowired Accounts accounts;

    private final List<String> codes = new ArrayList<>();
    private int serial;

    @AfterEach
    void clear() {
        As.nobody();
        for (String code : codes) {
            String mine = "(select a.id from asm_assessment a join asm_enterprise e on e.id = a.enterprise_id "
                    + "where e.credit_code = ?)";
            jdbc.sql("delete from asm_answer where assessment_id in " + mine).param(code).update();
            jdbc.sql("delete from asm_dimension_score where assessment_id in " + mine).param(code).update();
            jdbc.sql("delete from asm_assessment where id in " + mine).param(code).update();
            jdbc.sql("delete from asm_enterprise where credit_code = ?").param(code).update();
        }
        codes.clear();
        indicators.recomputeAll();
    }

    private List<Region> counties() {
        List<Region> out = new ArrayList<>(regions.children(regions.get("6501")).stream().limit(3).toList());
        out.addAll(regions.children(regions.get("6502")).stream().limit(2).toList());
        return out;
    }

    /** A generated 规上 enterprise with a submitted assessment (test generator); its assessment's id. */
    private long submitted(Region county, double total) {
        String code = AssessmentApiTest.code(String.format("91657%s%06d", county.code().substring(0, 6), serial++));
        codes.add(code);
        jdbc.sql("insert into asm_enterprise (credit_code, name, region_id, industry_code, size_class, above_scale, "
                        + "registered_by, registered_at, pilot, demonstration) values (?, ?, ?, '39', 'MEDIUM', true, "
                        + "'test', ?, ?, ?)")
                .params(code, "增量企业" + serial, county.id(), WHEN, serial % 3 == 0, serial % 4 == 0).update();
        long e = jdbc.sql("select id from asm_enterprise where credit_code = ?").param(code).query(Long.class).single();
        Stage stage = total >= 80 ? Stage.INNOVATION : total >= 60 ? Stage.INTEGRATION
                : total >= 40 ? Stage.SINGLE_COVERAGE : Stage.STARTING;
        jdbc.sql("insert into asm_assessment (enterprise_id, questionnaire_id, status, total_score, stage, submitted_at, "
                        + "updated_at) values (?, ?, 'SUBMITTED', ?, ?, ?, ?)")
                .params(e, questionnaires.latest().id(), total, stage.name(), WHEN, WHEN).update();
        return jdbc.sql("select id from asm_assessment where enterprise_id = ?").param(e).query(Long.class).single();
    }

    @Test
    void everyIncrementalRecomputationLeavesWhatAFullOneWould() {
        indicators.recomputeAll(); // whatever earlier tests left, in step
        long q = questionnaires.latest().id();
        List<Region> counties = counties();
        Random random = new Random(4754);
        List<long[]> open = new ArrayList<>(); // assessment, county
        int published = 0;
        for (int step = 0; step < 36; step++) {
            if (open.size() > 3 && random.nextInt(4) == 0) {
                long[] a = open.remove(random.nextInt(open.size()));
                jdbc.sql("update asm_assessment set status = 'RETURNED' where id = ?").param(a[0]).update();
                indicators.recomputeCounty(q, a[1], 2026);
            } else {
                Region county = counties.get(random.nextInt(counties.size()));
                double total = random.nextInt(12) == 0 ? 99 : 15 + random.nextInt(70);
                open.add(new long[] {submitted(county, total), county.id()});
                indicators.recomputeCounty(q, county.id(), 2026);
            }
            assertThat(indicators.recomputeAll()).as("figures a full recomputation changes after step %d", step).isZero();
            published = jdbc.sql("select count(*) from observation o join region r on r.id = o.region_id "
                            + "where o.created_by = ? and o.period = '2026' and r.code in (?, ?, ?, ?, ?)")
                    .params(RegionalIndicators.AUTHOR, counties.get(0).code(), counties.get(1).code(),
                            counties.get(2).code(), counties.get(3).code(), counties.get(4).code())
                    .query(Integer.class).single();
        }
        assertThat(published).as("figures of the test's counties published at the end").isPositive();
    }

    @Test
    void anImportOfThirtyEnterprisesRecomputesOnceAndARefusedOneNever() throws Exception {
        String bureau = "asm-live-" + System.nanoTime() % 10_000_000; // a 经信委 planner of 乌鲁木齐
        As.user(details, "admin");
        accounts.create(new NewAccount(bureau, "经信委测试", PASSWORD, Role.PLANNER, "6501", null, false), "admin");
        As.nobody();
        Questionnaire q = questionnaires.latest().questionnaire();
        List<Region> counties = counties().subList(0, 3);
        Random random = new Random(30);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, String> row = AssessmentImportTest.enterprise(random, counties.get(i % 3).code(), i);
            AssessmentImportTest.answer(random, q, row);
            rows.add(row);
            codes.add(row.get("credit_code"));
        }
        MockMultipartFile file = new MockMultipartFile("file", "答卷.xlsx", null, AssessmentImportTest.workbook(q, rows));
        long before = indicators.recomputations();
        mvc.perform(multipart("/api/v1/assessment/imports").file(file).with(httpBasic(bureau, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").value(30));
        assertThat(indicators.recomputations() - before).as("recomputations after one import of 30").isEqualTo(1);
        // and that one run left every figure as a full recomputation would
        assertThat(indicators.recomputeAll()).isZero();

        // the same file again: refused whole (already submitted), nothing recomputed
        before = indicators.recomputations();
        mvc.perform(multipart("/api/v1/assessment/imports").file(file).with(httpBasic(bureau, PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("assessment.already-submitted"));
        assertThat(indicators.recomputations()).isEqualTo(before);
    }

    @Test
    void registeringAnAboveScaleEnterpriseMovesCoverageAtOnce() {
        Region county = counties().get(0);
        for (int i = 0; i < 6; i++) {
            submitted(county, 40 + 7 * i);
        }
        indicators.recomputeCounty(questionnaires.latest().id(), county.id(), 2026);
        BigDecimal before = coverage(county);
        assertThat(before).isEqualByComparingTo(expectedCoverage(county));

        String code = AssessmentApiTest.code(String.format("91657%s%06d", county.code().substring(0, 6), 900_000));
        codes.add(code);
        long runs = indicators.recomputations();
        As.user(details, "admin");
        enterprises.register(new Enterprises.Registration(code, "覆盖率测试企业", county.code(), "39", SizeClass.MEDIUM,
                true, null));
        As.nobody();
        assertThat(indicators.recomputations() - runs).isEqualTo(1);
        BigDecimal after = coverage(county);
        assertThat(after).isEqualByComparingTo(expectedCoverage(county)).isLessThan(before);

        // a registration refused (a wrong check character) stores nothing and recomputes nothing
        String bad = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        As.user(details, "admin");
        try {
            assertThatThrownBy(() -> enterprises.register(new Enterprises.Registration(bad, "错误代码", county.code(), "39",
                    SizeClass.MEDIUM, true, null))).isInstanceOf(InvalidInputException.class);
        } finally {
            As.nobody();
        }
        assertThat(indicators.recomputations() - runs).isEqualTo(1);
        assertThat(coverage(county)).isEqualByComparingTo(after);
    }

    private BigDecimal coverage(Region county) {
        return jdbc.sql("select o.obs_value from observation o join indicator i on i.id = o.indicator_id "
                        + "where i.code = ? and o.region_id = ? and o.period = '2026' and o.created_by = ?")
                .params(RegionalIndicators.COVERAGE, county.id(), RegionalIndicators.AUTHOR).query(BigDecimal.class).single();
    }

    /** 规上 enterprises of the county with a submitted 2026 assessment, per 100 registered: counted here, not summarised. */
    private BigDecimal expectedCoverage(Region county) {
        int registered = jdbc.sql("select count(*) from asm_enterprise where region_id = ? and above_scale = true")
                .param(county.id()).query(Integer.class).single();
        int answered = jdbc.sql("select count(distinct e.id) from asm_enterprise e join asm_assessment a "
                        + "on a.enterprise_id = e.id where e.region_id = ? and e.above_scale = true and a.status = 'SUBMITTED' "
                        + "and a.questionnaire_id = ?")
                .params(county.id(), questionnaires.latest().id()).query(Integer.class).single();
        return BigDecimal.valueOf(100.0 * answered / registered).setScale(3, RoundingMode.HALF_EVEN);
    }
}
