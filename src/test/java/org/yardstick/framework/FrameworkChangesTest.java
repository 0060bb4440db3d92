package org.yardstick.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditEvent;
import org.yardstick.audit.AuditTrail;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.GoalCommand;
import org.yardstick.framework.internal.IndicatorCommand;
import org.yardstick.framework.internal.KeyProjectCommand;
import org.yardstick.framework.internal.PlanCommand;
import org.yardstick.framework.internal.SectionCommand;
import org.yardstick.framework.internal.TargetCommand;
import org.yardstick.framework.internal.TaskCommand;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;

/**
 * The one write path of frameworks: every command writes, audits and (for targets) keeps the history;
 * every refusal names field, value and reason and writes nothing; scope is the account's.
 */
@YardstickTest
@Transactional
@RecordApplicationEvents
class FrameworkChangesTest {

    static final String PASSWORD = "Fw-write-path-7319-tq";

    @Autowired FrameworkChanges changes;
    @Autowired Indicators indicators;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired ApplicationEvents events;
    @Autowired org.springframework.context.MessageSource messages;

    @BeforeEach
    void planners() {
        As.user(details, "admin");
        accounts.create(new NewAccount("fw-planner-xj", "规划处（测试）", PASSWORD, Role.PLANNER, "65", null, false), "test");
        accounts.create(new NewAccount("fw-planner-nm", "规划处（内蒙古，测试）", PASSWORD, Role.PLANNER, "15", null, false), "test");
        accounts.create(new NewAccount("fw-reporter", "填报（测试）", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        As.user(details, "fw-planner-xj");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    static LocalizedText t(String zh, String en) {
        return LocalizedText.of(zh, en);
    }

    static IndicatorCommand indicator(String code) {
        return new IndicatorCommand(code, t("测试指标" + code, "Test indicator " + code), t("万户", "10k households"),
                Polarity.POSITIVE, Aggregation.SUM, null, null, null, IndicatorNature.EXPECTED, 2, t("", ""), null,
                IncompleteAggregate.WARN, null);
    }

    static IndicatorCommand formula(String code, String formula) {
        IndicatorCommand i = indicator(code);
        return new IndicatorCommand(code, i.name(), i.unit(), i.polarity(), Aggregation.NOT_ADDITIVE, null, null, formula,
                i.nature(), i.decimals(), i.description(), null, i.incomplete(), null);
    }

    static PlanCommand plan(String code, String region) {
        return new PlanCommand(code, t("测试规划", "Test plan"), region, 2021, 2025, 2020, null);
    }

    static TargetCommand atLeast(String code, String indicator, String value) {
        return new TargetCommand(code, indicator, "65", "_T", TargetKind.AT_LEAST, Qualifier.OVER, "以上", new BigDecimal(value),
                null, null, null, null, 2020, 2025, t("达到" + value + "以上", "At least " + value), null);
    }

    static TargetCommand with(TargetCommand c, TargetKind kind, BigDecimal value, BigDecimal high) {
        return new TargetCommand(c.code(), c.indicatorCode(), c.regionCode(), c.disaggregationCode(), kind, c.qualifier(),
                c.qualifierText(), value, high, c.changeUnit(), c.limit(), c.comparatorRegionCode(), c.baselineYear(),
                c.targetYear(), c.statement(), c.source());
    }

    /** Counts of every framework table, to show that a refusal wrote nothing. */
    String counts() {
        StringBuilder s = new StringBuilder();
        for (String table : List.of("indicator", "plan", "plan_section", "section_indicator", "goal", "key_project",
                "key_project_target", "task", "task_unit", "task_target", "target", "target_revision", "audit_event")) {
            s.append(table).append('=').append(jdbc.sql("select count(*) from " + table).query(Long.class).single()).append(' ');
        }
        s.append("retired=").append(jdbc.sql("""
                select (select count(*) from indicator where retired_at is not null) + (select count(*) from plan where retired_at is not null)
                     + (select count(*) from target where retired_at is not null) + (select count(*) from task where retired_at is not null)
                     + (select count(*) from plan_section where retired_at is not null) from indicator where id = (select min(id) from indicator)""")
                .query(Long.class).single());
        return s.toString();
    }

    /** Runs a command expected to be refused; checks that nothing was written and answers the problems. */
    List<InputProblem> refused(Runnable command) {
        String before = counts();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, command::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(counts()).as("nothing written").isEqualTo(before);
        return e.problems();
    }

    static Function<InputProblem, String> fieldAndKind() {
        return p -> p.field() + ":" + p.kind().key();
    }

    List<AuditEvent> audited(String type, String keyPrefix) {
        return audit.search(new AuditTrail.Filter(type, null, null, null, keyPrefix), 200);
    }

    void withPlan() {
        changes.createIndicator(indicator("FW_USERS"), Change.form(""));
        changes.createPlan(plan("fw-plan", "65"), Change.form(""));
        changes.createSection("fw-plan", new SectionCommand("1", null, t("发展目标", "Goals"), List.of("FW_USERS")), Change.form(""));
        changes.createTarget("fw-plan", atLeast("t1", "FW_USERS", "500"), Change.form(""));
    }

    // ---------------------------------------------------------------- indicators

    @Test
    void anIndicatorIsCreatedAndAuditedWithItsChannel() {
        Indicator i = changes.createIndicator(indicator("FW_A"), Change.api(""));

        assertThat(indicators.get("FW_A")).isEqualTo(i);
        assertThat(i.retired()).isFalse();
        assertThat(audited("indicator", "FW_A")).extracting(e -> e.action() + " " + e.field() + "=" + e.newValue())
                .contains("create name_zh=测试指标FW_A", "create unit_zh=万户", "create aggregation=sum", "create channel=api")
                .allSatisfy(s -> assertThat(s).startsWith("create"));
        assertThat(audited("indicator", "FW_A")).extracting(AuditEvent::actor).containsOnly("fw-planner-xj");
    }

    @Test
    void badIndicatorsAreRefusedWholeWithEveryProblem() {
        changes.createIndicator(indicator("FW_A"), Change.form(""));
        IndicatorCommand bad = new IndicatorCommand("FW B", t("", "x"), t("", ""), Polarity.POSITIVE, Aggregation.RATIO, null,
                null, null, IndicatorNature.EXPECTED, 7, t("", ""), null, IncompleteAggregate.WARN, "FW_A");
        assertThat(refused(() -> changes.createIndicator(bad, Change.form(""))))
                .extracting(fieldAndKind())
                .contains("code:file.bad-code", "name_zh:framework.required", "decimals:file.not-one-of",
                        "numerator:framework.ratio-needs-parts", "denominator:framework.ratio-needs-parts",
                        "weight:framework.weight-only-for-mean");
        assertThat(refused(() -> changes.createIndicator(indicator("FW_A"), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("code:framework.code-exists");
    }

    @Test
    void formulasAreCheckedByTheAggregationParser() {
        changes.createIndicator(indicator("FW_A"), Change.form(""));
        assertThat(refused(() -> changes.createIndicator(formula("FW_D", "FW_D * 2"), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("formula:framework.formula-self");
        assertThat(refused(() -> changes.createIndicator(formula("FW_D", "FW_A / FW_NOPE"), Change.form(""))))
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(FrameworkProblem.FORMULA_UNKNOWN_CODE);
                    assertThat(p.args()).containsExactly("FW_NOPE");
                    assertThat(p.value()).isEqualTo("FW_A / FW_NOPE");
                });
        assertThat(refused(() -> changes.createIndicator(formula("FW_D", "FW_A * (2"), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("formula:framework.formula-syntax");

        changes.createIndicator(formula("FW_D", "FW_A * 2"), Change.form(""));
        changes.createIndicator(formula("FW_E", "FW_D + 1"), Change.form(""));
        // FW_D reading FW_E closes the circle FW_D → FW_E → FW_D
        List<InputProblem> cycle = refused(() -> changes.updateIndicator("FW_D", formula("FW_D", "FW_E * 2"), Change.form("")));
        assertThat(cycle).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(FrameworkProblem.FORMULA_CYCLE);
            assertThat(p.args().get(0).toString()).contains("FW_D").contains("FW_E");
        });
        assertThat(indicators.get("FW_D").formula()).isEqualTo("FW_A * 2");
    }

    @Test
    void aFormulaOverIndicatorsThatNeverShareAPeriodOrAddsDifferentUnitsIsRefusedWithFieldAndReason() {
        changes.createIndicator(indicator("FW_A"), Change.form("")); // 万户, collected yearly below
        IndicatorCommand m = indicator("FW_M");
        changes.createIndicator(new IndicatorCommand("FW_M", m.name(), t("亿元", "100 M yuan"), m.polarity(), m.aggregation(), null, null,
                null, m.nature(), 2, m.description(), null, IncompleteAggregate.WARN, null), Change.form(""));
        jdbc.sql("insert into data_set (code, name_zh, name_en, region_level, period_type) values ('fw-year', '年报（测试）', 'Yearly (test)', 'COUNTY', 'YEAR')").update();
        jdbc.sql("insert into data_set (code, name_zh, name_en, region_level, period_type) values ('fw-month', '月报（测试）', 'Monthly (test)', 'COUNTY', 'MONTH')").update();
        jdbc.sql("""
                insert into data_set_indicator (data_set_id, indicator_id, ordinal) values
                  ((select id from data_set where code = 'fw-year'), (select id from indicator where code = 'FW_A'), 0),
                  ((select id from data_set where code = 'fw-month'), (select id from indicator where code = 'FW_M'), 0)""").update();

        // months without a period rule never make a year: the formula would never have a value
        List<InputProblem> periods = refused(() -> changes.createIndicator(formula("FW_D", "FW_M / FW_A"), Change.api("")));
        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("formula");
            assertThat(p.kind()).isEqualTo(FrameworkProblem.FORMULA_PERIODS);
            assertThat(p.args()).containsExactly("FW_M", "FW_A");
            assertThat(messages.getMessage("problem." + p.kind().key(), p.args().toArray(), java.util.Locale.SIMPLIFIED_CHINESE))
                    .contains("FW_M").contains("没有期间汇总规则").contains("FW_A");
            assertThat(messages.getMessage("problem." + p.kind().key(), p.args().toArray(), java.util.Locale.ENGLISH))
                    .contains("FW_M, collected by shorter periods without a period rule, with FW_A");
        });
        // 亿元 + 万户 is refused at authoring as in framework files
        assertThat(refused(() -> changes.createIndicator(formula("FW_D", "FW_M + FW_A"), Change.api(""))))
                .extracting(fieldAndKind()).contains("formula:framework.formula-units", "formula:framework.formula-periods");
        assertThat(jdbc.sql("select count(*) from indicator where code = 'FW_D'").query(Long.class).single()).isZero();

        // with a period rule the months make years, and the quotient is accepted
        jdbc.sql("update indicator set period_rule = 'SUM' where code = 'FW_M'").update();
        changes.createIndicator(formula("FW_D", "FW_M / FW_A"), Change.api(""));
        assertThat(indicators.get("FW_D").formula()).isEqualTo("FW_M / FW_A");
    }

    @Test
    void anUpdateRecordsOldAndNewAndTellsTheAggregationWhenItsRulesChange() {
        changes.createIndicator(indicator("FW_A"), Change.form(""));
        IndicatorCommand same = IndicatorCommand.of(indicators.get("FW_A"));
        int before = audited("indicator", "FW_A").size();
        changes.updateIndicator("FW_A", same, Change.form(""));
        assertThat(audited("indicator", "FW_A")).as("an unchanged indicator records nothing").hasSize(before);
        assertThat(events.stream(IndicatorRulesChanged.class)).isEmpty();

        IndicatorCommand mean = new IndicatorCommand("FW_A", t("新名称", "New name"), same.unit(), same.polarity(), Aggregation.MEAN,
                null, null, null, IndicatorNature.BINDING, 1, same.description(), PeriodRule.LAST, IncompleteAggregate.SHOW, null);
        Indicator updated = changes.updateIndicator("FW_A", mean, Change.form("约束性指标"));

        assertThat(updated.aggregation()).isEqualTo(Aggregation.MEAN);
        assertThat(updated.nature()).isEqualTo(IndicatorNature.BINDING);
        assertThat(updated.periodRule()).isEqualTo(PeriodRule.LAST);
        assertThat(audited("indicator", "FW_A")).filteredOn(e -> e.action().equals("update"))
                .extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue() + " (" + e.reason() + ")")
                .contains("name_zh:测试指标FW_A→新名称 (约束性指标)", "aggregation:sum→mean (约束性指标)",
                        "nature:expected→binding (约束性指标)", "period_rule:null→last (约束性指标)", "channel:null→form (约束性指标)");
        assertThat(events.stream(IndicatorRulesChanged.class)).containsExactly(new IndicatorRulesChanged("FW_A"));
        assertThat(refused(() -> changes.updateIndicator("FW_A", indicator("FW_OTHER"), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("code:framework.code-mismatch");
        assertThatThrownBy(() -> changes.updateIndicator("FW_NOPE", indicator("FW_NOPE"), Change.form("")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void changingTheUnitOfAnIndicatorWithFiguresNeedsForceAndReason() {
        Indicator idi = indicators.get("IDI");
        IndicatorCommand c = IndicatorCommand.of(idi);
        IndicatorCommand otherUnit = new IndicatorCommand(c.code(), c.name(), t("分", "points"), c.polarity(), c.aggregation(),
                c.numerator(), c.denominator(), c.formula(), c.nature(), c.decimals(), c.description(), c.periodRule(),
                c.incomplete(), c.weight());
        assertThat(refused(() -> changes.updateIndicator("IDI", otherUnit, Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("unit_zh:framework.force-needed");
        assertThat(refused(() -> changes.updateIndicator("IDI", otherUnit, Change.form("").forced())))
                .extracting(fieldAndKind()).containsExactly("reason:framework.reason-required");
        changes.updateIndicator("IDI", otherUnit, Change.form("统计口径调整").forced());
        assertThat(indicators.get("IDI").unit().zh()).isEqualTo("分");
    }

    @Test
    void anIndicatorWithFiguresIsRetiredOnlyWhenForcedAndOneReadByAFormulaNotAtAll() {
        assertThat(refused(() -> changes.retireIndicator("IDI", Change.form("不再监测"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(FrameworkProblem.FORCE_NEEDED);
                    assertThat((Long) p.args().get(0)).isPositive();
                });
        assertThat(refused(() -> changes.retireIndicator("IDI", new Change(Change.Channel.FORM, "", true))))
                .extracting(fieldAndKind()).contains("reason:framework.reason-required");

        changes.retireIndicator("IDI", Change.form("不再监测").forced());
        Indicator retired = indicators.get("IDI");
        assertThat(retired.retired()).isTrue();
        assertThat(indicators.all()).extracting(Indicator::code).doesNotContain("IDI");
        assertThat(indicators.allIncludingRetired()).extracting(Indicator::code).contains("IDI");
        assertThat(jdbc.sql("select count(*) from observation o join indicator i on i.id = o.indicator_id where i.code = 'IDI'")
                .query(Long.class).single()).as("its figures stay").isPositive();
        assertThat(jdbc.sql("select retired_by || '|' || retired_reason from indicator where code = 'IDI'").query(String.class).single())
                .isEqualTo("fw-planner-xj|不再监测");
        assertThat(audited("indicator", "IDI")).extracting(e -> e.action() + ":" + e.field() + ":" + e.reason())
                .contains("retire:retired:不再监测", "retire:channel:不再监测");
        assertThat(refused(() -> changes.updateIndicator("IDI", IndicatorCommand.of(retired), Change.form("x"))))
                .extracting(fieldAndKind()).containsExactly("code:framework.retired");

        changes.createIndicator(indicator("FW_A"), Change.form(""));
        changes.createIndicator(formula("FW_D", "FW_A * 2"), Change.form(""));
        assertThat(refused(() -> changes.retireIndicator("FW_A", Change.form("x").forced())))
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(FrameworkProblem.IN_USE);
                    assertThat(p.args()).containsExactly("FW_D");
                });
    }

    @Test
    void aRetiredIndicatorCannotBeChangedOrTargeted() {
        withPlan();
        changes.createIndicator(indicator("FW_OLD"), Change.form(""));
        changes.retireIndicator("FW_OLD", Change.form("合并到 FW_USERS"));
        IndicatorCommand old = IndicatorCommand.of(indicators.get("FW_OLD"));
        IndicatorCommand renamed = new IndicatorCommand(old.code(), t("改名", "Renamed"), old.unit(), old.polarity(), old.aggregation(),
                null, null, null, old.nature(), old.decimals(), old.description(), null, old.incomplete(), null);
        assertThat(refused(() -> changes.updateIndicator("FW_OLD", renamed, Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("code:framework.retired");
        assertThat(refused(() -> changes.createTarget("fw-plan", atLeast("t2", "FW_OLD", "1"), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("indicator:framework.retired");
        assertThat(refused(() -> changes.retireIndicator("FW_OLD", Change.form("again"))))
                .extracting(fieldAndKind()).containsExactly("code:framework.retired");
    }

    @Test
    void indicatorsAreForPlannersAndAdminsOnly() {
        As.user(details, "fw-reporter");
        assertThatThrownBy(() -> changes.createIndicator(indicator("FW_A"), Change.api("")))
                .isInstanceOf(AccessDeniedException.class);
        As.user(details, "fw-planner-nm");
        changes.createIndicator(indicator("FW_A"), Change.api(""));
        assertThat(indicators.find("FW_A")).isPresent();
    }

    // ---------------------------------------------------------------- plans and their parts

    @Test
    void aPlanIsChangedWithinTheAccountsRegionOnly() {
        Plan p = changes.createPlan(plan("fw-plan", "6501"), Change.form(""));
        assertThat(plans.get("fw-plan")).isEqualTo(p);
        changes.updatePlan("fw-plan", new PlanCommand("fw-plan", t("新名称", "New name"), "6501", 2021, 2026, 2020, "xj-info-13fyp"),
                Change.form("延长一年"));
        assertThat(plans.get("fw-plan").endYear()).isEqualTo(2026);
        assertThat(audited("plan", "fw-plan")).filteredOn(e -> e.action().equals("update"))
                .extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue())
                .contains("end_year:2025→2026", "document:null→xj-info-13fyp", "name_en:Test plan→New name");

        As.user(details, "fw-planner-nm");
        assertThatThrownBy(() -> changes.createPlan(plan("fw-nm", "65"), Change.form(""))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.retirePlan("fw-plan", Change.form("x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.createTarget("fw-plan", atLeast("t1", "IDI", "1"), Change.form("")))
                .isInstanceOf(AccessDeniedException.class);
        changes.createPlan(plan("fw-nm", "15"), Change.form(""));

        As.user(details, "fw-planner-xj");
        assertThatThrownBy(() -> changes.updatePlan("fw-plan", plan("fw-plan", "15"), Change.form("move")))
                .as("moving a plan out of scope").isInstanceOf(AccessDeniedException.class);
        changes.retirePlan("fw-plan", Change.form("被新规划取代"));
        assertThat(plans.get("fw-plan").retired()).isTrue();
        assertThat(plans.all()).extracting(Plan::code).doesNotContain("fw-plan");
        assertThat(refused(() -> changes.createSection("fw-plan", new SectionCommand("1", null, t("一", "One"), List.of()),
                Change.form("")))).extracting(fieldAndKind()).containsExactly("plan:framework.retired");
    }

    @Test
    void badPlansAreRefused() {
        PlanCommand bad = new PlanCommand("fw plan", t("", ""), "99", 2026, 2025, 2027, "no-such-doc");
        assertThat(refused(() -> changes.createPlan(bad, Change.form(""))))
                .extracting(fieldAndKind())
                .contains("code:file.bad-code", "name_zh:framework.required", "region:framework.unknown-region",
                        "start_year:framework.year-order", "baseline_year:framework.year-order", "document:framework.unknown-document");
        assertThat(refused(() -> changes.createPlan(new PlanCommand("fw-plan", t("a", "b"), "65", 1900, 2025, 2020, null),
                Change.form("")))).extracting(fieldAndKind()).containsExactly("start_year:framework.year-out-of-range");
        changes.createPlan(plan("fw-plan", "65"), Change.form(""));
        assertThat(refused(() -> changes.createPlan(plan("fw-plan", "65"), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("code:framework.code-exists");
    }

    @Test
    void sectionsGoalsKeyProjectsAndTasksAreCreatedChangedAndRetired() {
        withPlan();
        changes.createSection("fw-plan", new SectionCommand("1.1", "1", t("宽带", "Broadband"), List.of("FW_USERS", "IDI")), Change.form(""));
        changes.createGoal("fw-plan", new GoalCommand("g1", "1.1", t("宽带普及", "Broadband for all"),
                new Citation("xj-info-13fyp", 11, "信息化发展总指数")), Change.form(""));
        changes.createKeyProject("fw-plan", new KeyProjectCommand("k1", "1", t("工程", "Project"), t("", ""), List.of("t1"), null),
                Change.form(""));
        changes.createTask("fw-plan", new TaskCommand("task1", "1.1", t("任务", "Task"), 2021, 2025, List.of("xj-kjt", "xj-fgw"),
                List.of("t1"), null), Change.form(""));

        // the current state as commands, to fill a form
        assertThat(changes.sectionCommand("fw-plan", "1.1"))
                .isEqualTo(new SectionCommand("1.1", "1", t("宽带", "Broadband"), List.of("FW_USERS", "IDI")));
        assertThat(changes.goalCommand("fw-plan", "g1").sectionCode()).isEqualTo("1.1");
        assertThat(changes.keyProjectCommand("fw-plan", "k1").targetCodes()).containsExactly("t1");
        assertThat(changes.taskCommand("fw-plan", "task1").unitCodes()).containsExactly("xj-kjt", "xj-fgw");
        assertThat(changes.targetCommand("fw-plan", "t1")).isEqualTo(TargetCommand.of(targets.find(plans.get("fw-plan").id(), "t1").orElseThrow()));
        Plan p = plans.get("fw-plan");
        assertThat(plans.outline(p)).singleElement().satisfies(s -> {
            assertThat(s.sections()).singleElement().satisfies(sub -> {
                assertThat(sub.indicatorCodes()).containsExactly("FW_USERS", "IDI");
                assertThat(sub.goals()).extracting(Goal::code).containsExactly("g1");
            });
        });
        assertThat(plans.keyProjects(p)).singleElement().satisfies(k -> assertThat(k.targetCodes()).containsExactly("t1"));
        assertThat(plans.tasks(p)).singleElement().satisfies(t -> assertThat(t.unitCodes()).containsExactly("xj-kjt", "xj-fgw"));

        // the lead changes: the units' order is the task's
        changes.updateTask("fw-plan", "task1", new TaskCommand("task1", "1.1", t("任务", "Task"), 2021, 2025,
                List.of("xj-fgw", "xj-kjt", "xj-jxw"), List.of(), null), Change.form("牵头单位调整"));
        assertThat(plans.tasks(p)).singleElement().satisfies(t -> {
            assertThat(t.unitCodes()).containsExactly("xj-fgw", "xj-kjt", "xj-jxw");
            assertThat(t.leadCode()).isEqualTo("xj-fgw");
            assertThat(t.targetCodes()).isEmpty();
        });
        assertThat(audited("task", "fw-plan/task1")).filteredOn(e -> e.action().equals("update"))
                .extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue())
                .contains("units:xj-kjt,xj-fgw→xj-fgw,xj-kjt,xj-jxw", "targets:t1→");

        changes.updateGoal("fw-plan", "g1", new GoalCommand("g1", "1", t("宽带普及率提高", "More broadband"), null), Change.form(""));
        changes.updateKeyProject("fw-plan", "k1", new KeyProjectCommand("k1", null, t("工程二", "Project two"), t("概要", "Summary"),
                List.of(), null), Change.form(""));
        assertThat(plans.outline(p).get(0).goals()).extracting(g -> g.text().zh()).containsExactly("宽带普及率提高");
        assertThat(plans.keyProjects(p)).singleElement().satisfies(k -> assertThat(k.name().en()).isEqualTo("Project two"));

        // a section that still holds a task is not retired
        assertThat(refused(() -> changes.retireSection("fw-plan", "1.1", Change.form("合并"))))
                .singleElement().satisfies(pr -> {
                    assertThat(pr.kind()).isEqualTo(FrameworkProblem.HAS_LIVE_PARTS);
                    assertThat(pr.args()).containsExactly("task1");
                });
        assertThat(refused(() -> changes.retireTask("fw-plan", "task1", Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("reason:framework.reason-required");
        changes.retireTask("fw-plan", "task1", Change.form("已完成"));
        changes.retireSection("fw-plan", "1.1", Change.form("合并"));
        changes.retireGoal("fw-plan", "g1", Change.form("重复"));
        changes.retireKeyProject("fw-plan", "k1", Change.form("取消"));
        assertThat(plans.tasks(p)).isEmpty();
        assertThat(plans.keyProjects(p)).isEmpty();
        assertThat(plans.outline(p)).singleElement().satisfies(s -> {
            assertThat(s.sections()).isEmpty();
            assertThat(s.goals()).isEmpty();
        });
        assertThat(refused(() -> changes.updateTask("fw-plan", "task1", new TaskCommand("task1", null, t("任务", "Task"), null, null,
                List.of("xj-kjt"), List.of(), null), Change.form("")))).extracting(fieldAndKind()).containsExactly("code:framework.retired");
        assertThat(audited("section", "fw-plan/1.1")).extracting(AuditEvent::action).contains("create", "retire");
    }

    @Test
    void badPartsAreRefusedWithEveryProblem() {
        withPlan();
        changes.createSection("fw-plan", new SectionCommand("1.1", "1", t("宽带", "Broadband"), List.of()), Change.form(""));
        assertThat(refused(() -> changes.createSection("fw-plan", new SectionCommand("1", "9", t("", "x"), List.of("NOPE", "FW_USERS",
                "FW_USERS")), Change.form(""))))
                .extracting(fieldAndKind())
                .contains("code:framework.code-exists", "parent:framework.unknown-section", "title_zh:framework.required",
                        "indicators:framework.unknown-indicator", "indicators:framework.duplicate-item");
        assertThat(refused(() -> changes.updateSection("fw-plan", "1", new SectionCommand("1", "1.1", t("发展目标", "Goals"),
                List.of("FW_USERS")), Change.form("")))).extracting(fieldAndKind()).containsExactly("parent:framework.section-cycle");
        assertThat(refused(() -> changes.createGoal("fw-plan", new GoalCommand("g1", "9", t("x", "x"), new Citation("nope", 0, "")),
                Change.form(""))))
                .extracting(fieldAndKind())
                .contains("section:framework.unknown-section", "source.document:framework.unknown-document",
                        "source.line:framework.bad-line", "source.quote:framework.required");
        assertThat(refused(() -> changes.createTask("fw-plan", new TaskCommand("task1", null, t("任务", "Task"), 2026, 2025,
                List.of(), List.of("t9"), null), Change.form(""))))
                .extracting(fieldAndKind())
                .contains("start_year:framework.year-order", "units:framework.no-units", "targets:framework.unknown-target");
        assertThat(refused(() -> changes.createTask("fw-plan", new TaskCommand("task1", null, t("任务", "Task"), null, null,
                List.of("xj-kjt", "nope", "xj-kjt"), List.of(), null), Change.form(""))))
                .extracting(fieldAndKind())
                .containsExactly("units:framework.unknown-organisation", "units:framework.duplicate-item");
        assertThatThrownBy(() -> changes.retireGoal("fw-plan", "nope", Change.form("x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> changes.createGoal("no-plan", new GoalCommand("g", "1", t("x", "x"), null), Change.form("")))
                .isInstanceOf(NotFoundException.class);
    }

    // ---------------------------------------------------------------- targets

    @Test
    void aTargetAdjustmentNeedsAReasonAndIsKeptInItsHistory() {
        withPlan();
        TargetCommand t1 = atLeast("t1", "FW_USERS", "500");
        assertThat(refused(() -> changes.adjustTarget("fw-plan", "t1", with(t1, TargetKind.AT_LEAST, new BigDecimal("450"), null),
                Change.form("")))).extracting(fieldAndKind()).containsExactly("reason:framework.reason-required");

        Target adjusted = changes.adjustTarget("fw-plan", "t1", with(t1, TargetKind.RANGE, new BigDecimal("450"), new BigDecimal("480")),
                Change.api("中期评估后动态调整"));
        assertThat(adjusted.kind()).isEqualTo(TargetKind.RANGE);
        assertThat(adjusted.value()).isEqualByComparingTo("450");
        // the same numbers again change nothing and need no reason
        changes.adjustTarget("fw-plan", "t1", TargetCommand.of(adjusted), Change.form(""));

        changes.retireTarget("fw-plan", "t1", Change.form("指标停止统计"));
        assertThat(targets.ofPlan(plans.get("fw-plan"))).isEmpty();
        assertThat(targets.find(plans.get("fw-plan").id(), "t1")).get().satisfies(t -> assertThat(t.retired()).isTrue());

        List<TargetRevision> history = changes.history("fw-plan", "t1");
        assertThat(history).extracting(TargetRevision::action)
                .containsExactly(TargetRevision.Action.CREATE, TargetRevision.Action.ADJUST, TargetRevision.Action.RETIRE);
        TargetRevision adjust = history.get(1);
        assertThat(adjust.oldKind()).isEqualTo(TargetKind.AT_LEAST);
        assertThat(adjust.newKind()).isEqualTo(TargetKind.RANGE);
        assertThat(adjust.oldValue()).isEqualByComparingTo("500");
        assertThat(adjust.newValue()).isEqualByComparingTo("450");
        assertThat(adjust.newValueHigh()).isEqualByComparingTo("480");
        assertThat(adjust.by()).isEqualTo("fw-planner-xj");
        assertThat(adjust.channel()).isEqualTo(Change.Channel.API);
        assertThat(adjust.reason()).isEqualTo("中期评估后动态调整");
        assertThat(history.get(2).reason()).isEqualTo("指标停止统计");
        assertThat(audited("target", "fw-plan/t1")).filteredOn(e -> e.action().equals("adjust"))
                .extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue())
                .contains("kind:at_least→range", "value:500→450", "value_high:null→480");
        assertThat(refused(() -> changes.adjustTarget("fw-plan", "t1", t1, Change.form("again"))))
                .extracting(fieldAndKind()).containsExactly("id:framework.retired");
    }

    @Test
    void badTargetsAreRefusedByKind() {
        withPlan();
        TargetCommand range = with(atLeast("t2", "FW_USERS", "500"), TargetKind.RANGE, new BigDecimal("5"), new BigDecimal("3"));
        assertThat(refused(() -> changes.createTarget("fw-plan", range, Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("value_high:framework.range-order");
        TargetCommand noHigh = with(atLeast("t2", "FW_USERS", "500"), TargetKind.RANGE, new BigDecimal("5"), null);
        assertThat(refused(() -> changes.createTarget("fw-plan", noHigh, Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("value_high:framework.required-for-kind");
        TargetCommand before = new TargetCommand("t2", "FW_USERS", "65", "_T", TargetKind.GROWTH_RATE, Qualifier.NONE, "",
                new BigDecimal("10"), null, null, null, null, 2026, 2025, t("年均增长10%", "10% a year"), null);
        assertThat(refused(() -> changes.createTarget("fw-plan", before, Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("baseline_year:framework.year-order");
        TargetCommand everything = new TargetCommand("t 2", "NOPE", "99", "NOPE", TargetKind.CHANGE, Qualifier.NONE, "", null,
                BigDecimal.ONE, null, BigDecimal.TEN, "65", null, 2025, t("", ""), null);
        assertThat(refused(() -> changes.createTarget("fw-plan", everything, Change.form(""))))
                .extracting(fieldAndKind())
                .contains("id:file.bad-code", "indicator:framework.unknown-indicator", "region:framework.unknown-region",
                        "disaggregation:framework.unknown-disaggregation", "statement_zh:framework.required",
                        "value:framework.required-for-kind", "value_high:framework.not-allowed-for-kind",
                        "limit:framework.not-allowed-for-kind", "change_unit:framework.required-for-kind",
                        "comparator:framework.not-allowed-for-kind", "baseline_year:framework.required-for-kind");
        assertThat(refused(() -> changes.createTarget("fw-plan", atLeast("t1", "FW_USERS", "1"), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("id:framework.code-exists");
        // what a target's code means does not change
        TargetCommand otherRegion = new TargetCommand("t1", "IDI", "6501", "_T", TargetKind.AT_LEAST, Qualifier.OVER, "以上",
                new BigDecimal("500"), null, null, null, null, 2020, 2025, t("达到500以上", "At least 500"), null);
        assertThat(refused(() -> changes.adjustTarget("fw-plan", "t1", otherRegion, Change.form("x"))))
                .extracting(fieldAndKind()).containsExactly("indicator:framework.meaning-changed", "region:framework.meaning-changed");
        // a milestone needs no indicator; a direction-only target takes no value
        Target m = changes.createTarget("fw-plan", new TargetCommand("m1", null, "65", "_T", TargetKind.MILESTONE,
                Qualifier.NONE, "", null, null, null, null, null, null, 2025, t("建成", "Built"), null), Change.form(""));
        assertThat(m.indicatorCode()).isNull();
        assertThat(refused(() -> changes.createTarget("fw-plan", new TargetCommand("up", "FW_USERS", "65", "_T", TargetKind.INCREASE,
                Qualifier.NONE, "", BigDecimal.ONE, null, null, null, null, null, 2025, t("稳步提高", "Rising"), null), Change.form(""))))
                .extracting(fieldAndKind()).containsExactly("value:framework.not-allowed-for-kind");
    }

    @Test
    void aProblemIsExplainedInBothLanguages() {
        List<InputProblem> problems = refused(() -> changes.createIndicator(indicator("IDI"), Change.form("")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("is taken: something of this kind has this code already");
            assertThat(p.source()).isEqualTo("indicator IDI");
            assertThat(messages.getMessage("problem." + p.kind().key(), p.args().toArray(), java.util.Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("已被占用：同类中已有此代码");
        });
        List<InputProblem> force = refused(() -> changes.retireIndicator("IDI", Change.form("x")));
        assertThat(messages.getMessage("problem." + force.get(0).kind().key(), force.get(0).args().toArray(), java.util.Locale.ENGLISH))
                .matches("has \\d+ figures and \\d+ targets in force; to go ahead anyway, force it and give the reason");
    }
}
