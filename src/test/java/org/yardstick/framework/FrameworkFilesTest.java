package org.yardstick.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditTrail;
import org.yardstick.progress.Progress;
import org.yardstick.progress.rules.Status;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** Framework files: a good plan loads; every kind of mistake is named by file, line and field, and nothing is written. */
@YardstickTest
@Transactional
class FrameworkFilesTest {

    @Autowired FrameworkFiles files;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired Progress progress;

    static final String INDICATORS = """
            indicators:
              - code: T_BROADBAND
                name_zh: 宽带用户数
                name_en: Broadband subscribers
                unit_zh: 万户
                unit_en: 10k households
                polarity: positive
                aggregation: sum
            """;

    static String plan(String targets) {
        return """
                plan:
                  code: t-plan
                  name_zh: 测试规划
                  name_en: Test plan
                  region: "65"
                  start_year: 2021
                  end_year: 2025
                  baseline_year: 2020
                sections:
                  - code: "1"
                    title_zh: 目标
                    title_en: Goals
                    indicators: [T_BROADBAND]
                targets:
                """ + targets;
    }

    static final String GOOD_TARGET = """
              - id: t1
                indicator: T_BROADBAND
                region: "65"
                kind: at_least
                value: 500
                qualifier: 以上
                target_year: 2025
                statement_zh: 宽带用户达到500万户以上
                statement_en: At least 5 million broadband subscribers
            """;

    long planCount() {
        return jdbc.sql("select count(*) from plan").query(Long.class).single();
    }

    InvalidInputException failing(MapFileSet set) {
        long before = planCount();
        long indicatorsBefore = jdbc.sql("select count(*) from indicator").query(Long.class).single();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> files.load(set, "test"));
        assertThat(e).as("the load fails").isNotNull();
        assertThat(planCount()).as("no plan written").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from indicator").query(Long.class).single())
                .as("no indicator written").isEqualTo(indicatorsBefore);
        return e;
    }

    @Test
    void aWellFormedPlanLoads() {
        var loaded = files.load(new MapFileSet().with("indicators.yaml", INDICATORS).with("plans/t.yaml", plan(GOOD_TARGET)), "planner");
        assertThat(loaded.plans()).isEqualTo(1);
        Plan p = plans.get("t-plan");
        assertThat(targets.ofPlan(p)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TargetKind.AT_LEAST);
            assertThat(t.qualifier()).isEqualTo(Qualifier.OVER);
            assertThat(t.qualifierText()).isEqualTo("以上");
        });
        assertThat(plans.indicatorCodes(p)).containsExactly("T_BROADBAND");
        assertThat(plans.outline(p)).singleElement().satisfies(s -> assertThat(s.title().en()).isEqualTo("Goals"));
        assertThat(audit.search(new AuditTrail.Filter("target", "planner", null, null, "t-plan/"), 10))
                .extracting(e -> e.field() + "=" + e.newValue()).contains("kind=at_least", "value=500", "target_year=2025");
    }

    @Test
    void anUnknownIndicatorIsNamedWithFileLineAndField() {
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", INDICATORS)
                .with("plans/t.yaml", plan(GOOD_TARGET.replace("indicator: T_BROADBAND", "indicator: T_NOPE"))));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("test/plans/t.yaml");
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.field()).isEqualTo("targets[1].indicator");
            assertThat(p.value()).isEqualTo("T_NOPE");
            assertThat(p.kind()).isEqualTo(FrameworkProblem.UNKNOWN_INDICATOR);
        });
        assertThat(e.getMessage()).contains("test/plans/t.yaml:16: targets[1].indicator: is not a known indicator code");
    }

    @Test
    void aMisspelledFieldIsRefused() {
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", INDICATORS)
                .with("plans/t.yaml", plan(GOOD_TARGET.replace("value: 500", "valeu: 500"))));
        assertThat(e.problems()).extracting(InputProblem::kind).contains(FileProblem.UNKNOWN_FIELD);
        assertThat(e.problems()).extracting(InputProblem::field).contains("targets[1].valeu");
    }

    /** A direction-only target (预期性: 稳步提高) has no value and may give the indicator's natural limit. */
    @Test
    void aDirectionOnlyTargetLoadsWithItsLimit() {
        String increase = GOOD_TARGET.replace("kind: at_least", "kind: increase").replace("value: 500", "limit: 100")
                .replace("    qualifier: 以上\n", "");
        files.load(new MapFileSet().with("indicators.yaml", INDICATORS).with("plans/t.yaml", plan(increase)), "planner");

        assertThat(targets.ofPlan(plans.get("t-plan"))).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TargetKind.INCREASE);
            assertThat(t.value()).isNull();
            assertThat(t.limit()).isEqualByComparingTo("100");
            // the progress rules receive the kind and the limit
            var rule = progress.snapshot(List.of(t), List.of(), List.of()).rule(t);
            assertThat(rule.kind()).isEqualTo(TargetKind.INCREASE);
            assertThat(rule.limit()).isEqualTo(100.0);
            // no figure, and the test clock (2026) is past the target year (2025): it cannot be judged
            assertThat(progress.assess(t).assessment().status()).isEqualTo(Status.CANNOT_BE_JUDGED);
        });
    }

    @Test
    void aDirectionOnlyTargetRefusesAValueAndOthersRefuseALimit() {
        String increase = GOOD_TARGET.replace("kind: at_least", "kind: decrease");
        String limited = GOOD_TARGET.replace("id: t1", "id: t2").replace("value: 500", "value: 500\n    limit: 100");
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", INDICATORS)
                .with("plans/t.yaml", plan(increase + limited)));
        assertThat(e.problems()).extracting(InputProblem::kind)
                .containsExactly(FrameworkProblem.NOT_ALLOWED_FOR_KIND, FrameworkProblem.NOT_ALLOWED_FOR_KIND);
        assertThat(e.problems()).extracting(InputProblem::field)
                .containsExactlyInAnyOrder("targets[1].value", "targets[2].limit");
    }

    @Test
    void aTargetYearBeforeItsBaselineYearIsRefusedNamingTheFieldAndItsLine() {
        String before = GOOD_TARGET.replace("target_year: 2025", "target_year: 2019\n    baseline_year: 2020");
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", INDICATORS).with("plans/t.yaml", plan(before)));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(FrameworkProblem.YEAR_ORDER);
            assertThat(p.field()).isEqualTo("targets[1].baseline_year");
            assertThat(p.value()).isEqualTo("2020");
            assertThat(p.source()).contains("plans/t.yaml");
            assertThat(p.line()).isEqualTo(plan(before).lines().toList().indexOf("    baseline_year: 2020") + 1);
            assertThat(p.args()).as("a year, not the number 2,019").containsExactly("target_year", "2019");
        });
    }

    @Test
    void kindSpecificFieldsAreChecked() {
        String range = GOOD_TARGET.replace("kind: at_least", "kind: range").replace("value: 500", "value: 5\n    value_high: 3");
        String change = GOOD_TARGET.replace("id: t1", "id: t2").replace("kind: at_least", "kind: change");
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", INDICATORS)
                .with("plans/t.yaml", plan(range + change)));
        assertThat(e.problems()).extracting(InputProblem::kind)
                .containsExactlyInAnyOrder(FrameworkProblem.RANGE_ORDER, FrameworkProblem.REQUIRED_FOR_KIND);
        assertThat(e.problems()).extracting(InputProblem::field)
                .containsExactlyInAnyOrder("targets[1].value_high", "targets[2].baseline_year");
    }

    @Test
    void aggregationSettingsLoadAndAWeightOnASumOrAnUnknownOneIsRefused() {
        String settings = INDICATORS + """
                    period_rule: last
                    incomplete: withhold
                  - code: T_RATE
                    name_zh: 普及率
                    name_en: Penetration
                    unit_zh: "%"
                    unit_en: "%"
                    polarity: positive
                    aggregation: mean
                    weight: T_BROADBAND
                    incomplete: show
                """;
        files.load(new MapFileSet().with("indicators.yaml", settings).with("plans/t.yaml", plan(GOOD_TARGET)), "planner");
        assertThat(jdbc.sql("select period_rule || '/' || incomplete from indicator where code = 'T_BROADBAND'").query(String.class).single())
                .isEqualTo("LAST/WITHHOLD");
        assertThat(jdbc.sql("select w.code from indicator i join indicator w on w.id = i.weight_id where i.code = 'T_RATE'")
                .query(String.class).single()).isEqualTo("T_BROADBAND");

        InvalidInputException onSum = failing(new MapFileSet().with("indicators.yaml", INDICATORS + "    weight: T_BROADBAND\n")
                .with("plans/t.yaml", plan(GOOD_TARGET)));
        assertThat(onSum.problems()).extracting(InputProblem::kind).containsExactly(FrameworkProblem.WEIGHT_ONLY_FOR_MEAN);
        InvalidInputException unknown = failing(new MapFileSet()
                .with("indicators.yaml", settings.replace("weight: T_BROADBAND", "weight: T_NOWHERE"))
                .with("plans/t.yaml", plan(GOOD_TARGET)));
        assertThat(unknown.problems()).extracting(InputProblem::kind).containsExactly(FrameworkProblem.UNKNOWN_INDICATOR);
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() {
        String badIndicators = INDICATORS + INDICATORS.substring(INDICATORS.indexOf("  - code"))
                .replace("T_BROADBAND", "T_OTHER").replace("polarity: positive", "polarity: upwards");
        String duplicate = GOOD_TARGET + GOOD_TARGET.replace("value: 500", "value: 600");
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", badIndicators)
                .with("plans/t.yaml", plan(duplicate)));
        assertThat(e.problems()).extracting(InputProblem::kind)
                .contains(FileProblem.NOT_ONE_OF, FileProblem.DUPLICATE);
        assertThat(e.problems()).extracting(InputProblem::source)
                .contains("test/indicators.yaml", "test/plans/t.yaml");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", INDICATORS)
                .with("plans/t.yaml", "plan:\n  code: [unclosed\n  name_zh: x\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(FileProblem.SYNTAX);
            assertThat(p.line()).isBetween(2L, 4L);
        });
    }

    @Test
    void aPlanThatExistsIsMergedByCodeAndAChangedTargetKeepsItsHistory() {
        MapFileSet first = new MapFileSet().with("indicators.yaml", INDICATORS).with("plans/t.yaml", plan(GOOD_TARGET));
        files.load(first, "planner");
        files.load(first, "planner");
        assertThat(targets.ofPlan(plans.get("t-plan"))).hasSize(1);
        files.load(new MapFileSet().with("indicators.yaml", INDICATORS)
                .with("plans/t.yaml", plan(GOOD_TARGET.replace("value: 500", "value: 600"))), "planner");
        Target t = targets.ofPlan(plans.get("t-plan")).get(0);
        assertThat(t.value()).isEqualByComparingTo("600");
        assertThat(targets.revisions(t.id())).extracting(TargetRevision::action)
                .containsExactly(TargetRevision.Action.CREATE, TargetRevision.Action.ADJUST);
    }

    @Test
    void tasksNeedKnownUnitsAndYearsInOrder() {
        String tasks = """
                tasks:
                  - code: T1
                    title_zh: 任务
                    title_en: Task
                    responsible: [xj-nobody]
                  - code: T2
                    title_zh: 任务
                    title_en: Task
                    responsible: [xj-kjt]
                    start_year: 2025
                    deadline_year: 2021
                """;
        InvalidInputException e = failing(new MapFileSet().with("indicators.yaml", INDICATORS)
                .with("plans/t.yaml", plan(GOOD_TARGET) + tasks));
        assertThat(e.problems()).extracting(InputProblem::kind)
                .containsExactlyInAnyOrder(FrameworkProblem.UNKNOWN_ORGANISATION, FrameworkProblem.YEAR_ORDER);
        assertThat(List.of(e.problems().get(0).line(), e.problems().get(1).line())).allMatch(l -> l > 20);
    }
}
