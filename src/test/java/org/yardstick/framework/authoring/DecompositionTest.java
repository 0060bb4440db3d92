package org.yardstick.framework.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.Change;
import org.yardstick.framework.IncompleteAggregate;
import org.yardstick.framework.IndicatorNature;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.Targets;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.IndicatorCommand;
import org.yardstick.framework.internal.PlanCommand;
import org.yardstick.framework.internal.TargetCommand;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;

/**
 * Target decomposition (分解落实): parts by value and by share among the prefectures, parts assigned to
 * departments, the sum rule (short warned, more refused unless confirmed), the mean rule, refusals that write
 * nothing, the parts on the whole's page with their statuses, and the API with dryRun.
 */
@YardstickTest
@Transactional
class DecompositionTest {

    static final String PASSWORD = "Fwui-decompose-7730-kw";

    @Autowired Decomposition decomposition;
    @Autowired FrameworkChanges changes;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired JdbcClient jdbc;
    @Autowired org.yardstick.region.Regions regions;
    @Autowired org.yardstick.region.Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;
    @Autowired MockMvc mvc;

    static LocalizedText t(String zh, String en) {
        return LocalizedText.of(zh, en);
    }

    static IndicatorCommand indicator(String code, Aggregation a) {
        return new IndicatorCommand(code, t("测试" + code, "Test " + code), t("万户", "10k households"), Polarity.POSITIVE, a,
                null, null, null, IndicatorNature.BINDING, 2, t("", ""), null, IncompleteAggregate.WARN, null);
    }

    static TargetCommand whole(String code, String indicator, TargetKind kind, String value) {
        return new TargetCommand(code, indicator, "65", "_T", kind, Qualifier.NONE, "", new BigDecimal(value), null,
                kind == TargetKind.CHANGE ? org.yardstick.framework.ChangeUnit.PERCENT : null, null, null, 2020, 2025,
                t("达到" + value, "Reach " + value), null);
    }

    @BeforeEach
    void plan() {
        As.user(details, "admin");
        accounts.create(new NewAccount("fwui-dx", "规划处（测试）", PASSWORD, Role.PLANNER, "65", null, false), "test");
        accounts.create(new NewAccount("fwui-dn", "规划处（内蒙古，测试）", PASSWORD, Role.PLANNER, "15", null, false), "test");
        changes.createIndicator(indicator("FWUI_SUM", Aggregation.SUM), Change.form(""));
        changes.createIndicator(indicator("FWUI_MEAN", Aggregation.MEAN), Change.form(""));
        changes.createPlan(new PlanCommand("fwui-dplan", t("分解测试规划", "Decomposition test plan"), "65", 2021, 2025, 2020, null),
                Change.form(""));
        changes.createTarget("fwui-dplan", whole("W", "FWUI_SUM", TargetKind.AT_LEAST, "100"), Change.form(""));
        changes.createTarget("fwui-dplan", whole("M", "FWUI_MEAN", TargetKind.VALUE, "80"), Change.form(""));
        changes.createTarget("fwui-dplan", whole("G", "FWUI_SUM", TargetKind.CHANGE, "20"), Change.form(""));
        As.user(details, "fwui-dx");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    static PartCommand region(String code, String value, String share) {
        return new PartCommand(null, code, null, value == null ? null : new BigDecimal(value), null,
                share == null ? null : new BigDecimal(share));
    }

    String counts() {
        return jdbc.sql("select count(*) from target").query(Long.class).single() + " "
                + jdbc.sql("select count(*) from target_revision").query(Long.class).single() + " "
                + jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    List<InputProblem> refused(String whole, List<PartCommand> parts, boolean confirm) {
        String before = counts();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> decomposition.decompose("fwui-dplan", whole, parts, confirm, Change.form(""), false));
        assertThat(e).as("refused").isNotNull();
        assertThat(counts()).as("nothing written").isEqualTo(before);
        return e.problems();
    }

    @Test
    void aSumSplitByShareAndByValueAmongPrefecturesAddsUp() {
        PartsCheck check = decomposition.decompose("fwui-dplan", "W",
                List.of(region("6501", null, "60"), region("6502", "40", null)), false, Change.form("分解到地州"), false);
        assertThat(check.notes()).extracting(PartsCheck.Note::key).containsExactly("decomposition.note.sum-ok");
        assertThat(check.warns()).isFalse();
        List<Part> parts = decomposition.parts("fwui-dplan", "W");
        assertThat(parts).extracting(p -> p.target().code()).containsExactly("W-6501", "W-6502");
        assertThat(parts.get(0).target().value()).isEqualByComparingTo("60");
        assertThat(parts.get(0).share()).isEqualByComparingTo("60");
        assertThat(parts.get(1).share()).isNull();
        Target part = parts.get(0).target();
        assertThat(part.indicatorCode()).isEqualTo("FWUI_SUM");
        assertThat(part.kind()).isEqualTo(TargetKind.AT_LEAST);
        assertThat(part.regionCode()).isEqualTo("6501");
        assertThat(part.targetYear()).isEqualTo(2025);
        // the plan page names a part by its region's name (乌鲁木齐市), not by its code
        LocalizedText urumqi = regions.get("6501").name();
        assertThat(part.statement().zh()).endsWith("（分解：" + urumqi.zh() + "）").doesNotContain("6501");
        assertThat(part.statement().en()).endsWith("(part: " + urumqi.en() + ")").doesNotContain("6501");
        assertThat(decomposition.wholeOf("fwui-dplan", "W-6501")).contains("W");
        // each part has its own history and the whole's decomposition is in the audit trail
        assertThat(targets.revisions(part.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_key = 'fwui-dplan/W' and action = 'decompose'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void partsThatFallShortAreWarnedAboutAndPartsThatExceedAreRefusedUnlessConfirmed() {
        PartsCheck shortBy = decomposition.decompose("fwui-dplan", "W", List.of(region("6501", "30", null)), false,
                Change.form(""), true);
        assertThat(shortBy.warns()).isTrue();
        assertThat(shortBy.notes().get(0).key()).isEqualTo("decomposition.note.short");
        assertThat(shortBy.notes().get(0).args()).containsExactly("30", "100", "70");
        assertThat(decomposition.parts("fwui-dplan", "W")).as("a dry run writes nothing").isEmpty();

        decomposition.decompose("fwui-dplan", "W", List.of(region("6501", "70", null)), false, Change.form(""), false);
        // the parts already there count: 70 + 40 > 100
        List<InputProblem> p = refused("W", List.of(region("6502", "40", null)), false);
        assertThat(p).extracting(InputProblem::field, InputProblem::value).containsExactly(org.assertj.core.groups.Tuple.tuple("parts", "110"));
        assertThat(p.get(0).kind()).isEqualTo(DecompositionProblem.EXCEEDS);
        PartsCheck confirmed = decomposition.decompose("fwui-dplan", "W", List.of(region("6502", "40", null)), true,
                Change.form("兵团另计"), false);
        assertThat(confirmed.notes().get(0).key()).isEqualTo("decomposition.note.exceeds");
        assertThat(decomposition.parts("fwui-dplan", "W")).hasSize(2);
        // a region that already has its part is refused
        assertThat(refused("W", List.of(region("6501", "1", null)), true)).extracting(InputProblem::kind)
                .containsExactly(DecompositionProblem.ALREADY_A_PART);
    }

    @Test
    void badPartsAreRefusedWholeNamingPartFieldValueAndReason() {
        List<InputProblem> p = refused("W", List.of(region("1501", "10", null), region("99", "10", null),
                region("6503", "10", "10"), region("6504", null, "120"), new PartCommand(null, null, "nobody", BigDecimal.ONE, null, null),
                region("65", "1", null)), false);
        assertThat(p).extracting(InputProblem::field, InputProblem::value, q -> q.kind().key()).contains(
                org.assertj.core.groups.Tuple.tuple("parts[0].region", "1501", "decomposition.not-below"),
                org.assertj.core.groups.Tuple.tuple("parts[1].region", "99", "framework.unknown-region"),
                org.assertj.core.groups.Tuple.tuple("parts[2].value", "10", "decomposition.value-or-share"),
                org.assertj.core.groups.Tuple.tuple("parts[3].share", "120", "decomposition.share-range"),
                org.assertj.core.groups.Tuple.tuple("parts[4].organisation", "nobody", "framework.unknown-organisation"),
                org.assertj.core.groups.Tuple.tuple("parts[5].region", "65", "decomposition.not-below"));
        // a mean cannot be split by shares; a rate target neither
        assertThat(refused("M", List.of(region("6501", null, "50")), false)).extracting(q -> q.kind())
                .containsExactly(DecompositionProblem.SHARE_NOT_ADDITIVE);
        assertThat(refused("G", List.of(region("6501", null, "50")), false)).extracting(q -> q.kind())
                .containsExactly(DecompositionProblem.SHARE_NOT_ADDITIVE);
        // mixing regions and departments
        assertThat(refused("W", List.of(region("6501", "10", null), new PartCommand(null, null, "xj-kjt", BigDecimal.TEN, null, null)),
                false)).extracting(q -> q.kind()).containsExactly(DecompositionProblem.MIXED);
    }

    @Test
    void aMeanIsComparedByItsRuleAndARateIsNotAdded() {
        PartsCheck mean = decomposition.decompose("fwui-dplan", "M", List.of(region("6501", "70", null), region("6502", "80", null)),
                false, Change.form(""), false);
        assertThat(mean.notes().get(0).key()).isEqualTo("decomposition.note.mean");
        assertThat(mean.notes().get(0).args()).containsExactly("75", "80");
        assertThat(mean.warns()).isTrue();
        PartsCheck rate = decomposition.decompose("fwui-dplan", "G", List.of(region("6501", "25", null), region("6502", "15", null)),
                false, Change.form(""), false);
        assertThat(rate.notes()).extracting(PartsCheck.Note::key).containsExactly("decomposition.note.rates");
        assertThat(decomposition.parts("fwui-dplan", "G")).extracting(x -> x.target().kind()).containsOnly(TargetKind.CHANGE);
    }

    @Test
    void aTargetAssignedToDepartments() {
        decomposition.decompose("fwui-dplan", "W", List.of(new PartCommand(null, null, "xj-kjt", new BigDecimal("60"), null, null),
                new PartCommand("W-jxw", null, "xj-jxw", null, null, new BigDecimal("40"))), false, Change.form(""), false);
        List<Part> parts = decomposition.parts("fwui-dplan", "W");
        assertThat(parts).extracting(Part::organisationCode).containsExactly("xj-kjt", "xj-jxw");
        assertThat(parts).extracting(p -> p.target().code()).containsExactly("W-xj-kjt", "W-jxw");
        assertThat(parts).extracting(p -> p.target().regionCode()).containsOnly("65");
        String kjt = organisations.find("xj-kjt").orElseThrow().shortName().zh();
        assertThat(parts.get(0).target().statement().zh()).endsWith("（分解：" + kjt + "）").doesNotContain("xj-kjt");
    }

    @Test
    void aPlannerOfAnotherRegionCannotDecompose() {
        As.user(details, "fwui-dn");
        assertThat(catchThrowableOfType(org.springframework.security.access.AccessDeniedException.class,
                () -> decomposition.decompose("fwui-dplan", "W", List.of(region("6501", "10", null)), false, Change.form(""), true)))
                .isNotNull();
    }

    // ---- the pages

    @Test
    void theFormDecomposesAndTheWholesPageListsThePartsWithTheirStatus() throws Exception {
        var planner = user(details.loadUserByUsername("fwui-dx"));
        mvc.perform(get("/authoring/plans/fwui-dplan/targets/W/parts").with(planner)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"6501\""), containsString("value=\"6502\""),
                        containsString("各部分之和应等于整体"))));
        // checking while filling in: a preview and the warning, nothing written
        mvc.perform(post("/authoring/plans/fwui-dplan/targets/W/parts").with(csrf()).with(planner).param("_check", "1")
                        .param("by", "regions").param("parts[0].region", "6501").param("parts[0].share", "50")
                        .param("parts[1].region", "6502").param("parts[2].region", "6503"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"parts-form\""), containsString("data-note=\"decomposition.note.short\""),
                        containsString("尚差 50"))));
        assertThat(decomposition.parts("fwui-dplan", "W")).isEmpty();
        // a refusal is named beside its row
        mvc.perform(post("/authoring/plans/fwui-dplan/targets/W/parts").with(csrf()).with(planner)
                        .param("by", "regions").param("parts[0].region", "1501").param("parts[0].value", "50")
                        .param("parts[1].region", "6502").param("parts[1].value", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("“1501”：不是整体所在地区（65）的下级地区"),
                        containsString("data-problem=\"file.not-a-number\""))));
        assertThat(decomposition.parts("fwui-dplan", "W")).isEmpty();
        mvc.perform(post("/authoring/plans/fwui-dplan/targets/W/parts").with(csrf()).with(planner)
                        .param("by", "regions").param("parts[0].region", "6501").param("parts[0].share", "50")
                        .param("parts[1].region", "6502").param("parts[1].value", "50").param("parts[2].region", "6503"))
                .andExpect(redirectedUrl("/plans/fwui-dplan/targets/W"));
        Target w = targets.find(plans.get("fwui-dplan").id(), "W").orElseThrow();
        mvc.perform(get("/indicators/FWUI_SUM/progress").param("target", String.valueOf(w.id())))
                .andExpect(content().string(allOf(containsString("分解落实（2）"), containsString("W-6501"), containsString("W-6502"),
                        containsString("50%"), containsString("ys-status"))));
        Target part = targets.find(plans.get("fwui-dplan").id(), "W-6501").orElseThrow();
        mvc.perform(get("/indicators/FWUI_SUM/progress").param("target", String.valueOf(part.id())).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("This target is a part of"), containsString("/plans/fwui-dplan/targets/W"))));
    }

    // ---- the API

    @Test
    void theApiDecomposesWithDryRunAndRefusesBadPartsWhole() throws Exception {
        String body = "[{\"region\":\"6501\",\"share\":60},{\"region\":\"6502\",\"value\":40}]";
        mvc.perform(post("/api/v1/plans/fwui-dplan/targets/W/parts").param("dryRun", "true").with(httpBasic("fwui-dx", PASSWORD))
                        .contentType("application/json").content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.parts[0].code").value("W-6501")).andExpect(jsonPath("$.parts[0].value").value(60))
                .andExpect(jsonPath("$.notes[0].code").value("decomposition.note.sum-ok"));
        assertThat(decomposition.parts("fwui-dplan", "W")).isEmpty();

        String before = counts();
        mvc.perform(post("/api/v1/plans/fwui-dplan/targets/W/parts").with(httpBasic("fwui-dx", PASSWORD)).header("Accept-Language", "en")
                        .contentType("application/json").content("[{\"region\":\"1501\",\"value\":60},{\"region\":\"6502\",\"value\":400}]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("parts[0].region"))
                .andExpect(jsonPath("$.problems[0].value").value("1501"))
                .andExpect(jsonPath("$.problems[0].code").value("decomposition.not-below"));
        assertThat(counts()).isEqualTo(before);
        mvc.perform(post("/api/v1/plans/fwui-dplan/targets/W/parts").with(httpBasic("fwui-dn", PASSWORD))
                .contentType("application/json").content(body)).andExpect(status().isForbidden());
        assertThat(counts()).isEqualTo(before);

        mvc.perform(post("/api/v1/plans/fwui-dplan/targets/W/parts").with(httpBasic("fwui-dx", PASSWORD))
                        .contentType("application/json").content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.parts.length()").value(2));
        mvc.perform(get("/api/v1/plans/fwui-dplan/targets/W/parts")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("W-6501")).andExpect(jsonPath("$[0].share").value(60))
                .andExpect(jsonPath("$[1].region").value("6502"));
        mvc.perform(get("/v3/api-docs")).andExpect(content().string(containsString("/api/v1/plans/{plan}/targets/{target}/parts")));
    }
}
