package org.yardstick.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;
import org.yardstick.shared.InvalidInputException;

/**
 * Framework files imported into the running system: merged by code, previewed without writing, applied
 * all or nothing, idempotent; exported back to the same format without loss.
 */
@YardstickTest
@Transactional
class FrameworkImportTest {

    static final List<String> DEMO = List.of("documents.yaml", "disaggregations.yaml", "indicators.yaml",
            "plans/nm-info-13fyp.yaml", "plans/xj-info-13fyp.yaml", "plans/xj-mfg-internet-2017.yaml");

    @Autowired FrameworkFiles frameworks;
    @Autowired Plans plans;
    @Autowired Targets targets;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService details;

    @BeforeEach
    void asAPlanner() {
        As.user(details, "admin");
        accounts.create(new NewAccount("fw-import-xj", "规划处（导入测试）", "Fw-import-2291-xj", Role.PLANNER, "65", null, false), "test");
        accounts.create(new NewAccount("fw-import-nm", "规划处（导入测试）", "Fw-import-2291-nm", Role.PLANNER, "15", null, false), "test");
        As.user(details, "fw-import-xj");
    }

    @AfterEach
    void nobody() {
        As.nobody();
    }

    static MapFileSet demo() {
        MapFileSet files = new MapFileSet();
        for (String name : DEMO) {
            try (InputStream in = FrameworkImportTest.class.getResourceAsStream("/demo/" + name)) {
                files.with(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return files;
    }

    static MapFileSet of(Map<String, String> exported) {
        MapFileSet files = new MapFileSet();
        exported.forEach(files::with);
        return files;
    }

    String state() {
        return jdbc.sql("""
                select (select count(*) from indicator) || '/' || (select count(*) from plan_section) || '/' || (select count(*) from target)
                       || '/' || (select count(*) from task_unit) || '/' || (select count(*) from target_revision) || '/'
                       || (select count(*) from audit_event) || '/' || (select coalesce(sum(target_value), 0) from target)
                       || '/' || (select count(*) from target where retired_at is not null)""")
                .query(String.class).single();
    }

    @Test
    void importingTheDemoFilesAgainChangesNothing() {
        As.user(details, "admin");
        // other tests of this run may have adjusted a demo target: the files bring it back first
        frameworks.apply(demo(), Change.form("测试前恢复演示框架"));
        String before = state();
        FrameworkFiles.Summary preview = frameworks.preview(demo(), Change.form(""));
        assertThat(preview.items()).isEmpty();
        assertThat(preview.applied()).isFalse();
        assertThat(preview.plans()).containsExactly("nm-info-13fyp", "xj-info-13fyp", "xj-mfg-internet-2017");
        // every target of the demo's plans is unchanged (other tests' plans are not in the files)
        long demoTargets = jdbc.sql("select count(*) from target t join plan p on p.id = t.plan_id "
                + "where p.code in ('nm-info-13fyp', 'xj-info-13fyp', 'xj-mfg-internet-2017') and t.retired_at is null")
                .query(Long.class).single();
        assertThat(preview.counts().get("target").unchanged()).isEqualTo((int) demoTargets);
        assertThat(preview.counts().get("indicator").added()).isZero();

        FrameworkFiles.Summary applied = frameworks.apply(demo(), Change.form(""));
        assertThat(applied.applied()).isTrue();
        assertThat(applied.changes()).isZero();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theExportImportsAsItIsAndExportsTheSameAgain() {
        As.user(details, "admin");
        Map<String, String> exported = frameworks.export(List.of());
        assertThat(exported.keySet()).containsAll(DEMO);
        String before = state();
        assertThat(frameworks.apply(of(exported), Change.form("")).changes()).isZero();
        assertThat(state()).isEqualTo(before);
        assertThat(frameworks.export(List.of())).isEqualTo(exported);
    }

    /** A plan created from its export alone (as into an empty database) exports to the same file. */
    @Test
    void aPlanCreatedFromItsExportIsTheSamePlan() {
        Map<String, String> exported = frameworks.export(List.of("xj-info-13fyp"));
        String original = exported.get("plans/xj-info-13fyp.yaml");
        String copy = original.replace("code: \"xj-info-13fyp\"", "code: \"xj-copy\"");
        assertThat(copy).isNotEqualTo(original);
        FrameworkFiles.Summary applied = frameworks.apply(new MapFileSet().with("plans/xj-copy.yaml", copy), Change.form(""));
        assertThat(applied.counts().get("plan").added()).isEqualTo(1);
        assertThat(applied.counts().get("target").added()).isEqualTo(targets.ofPlan(plans.get("xj-info-13fyp")).size());
        assertThat(frameworks.export(List.of("xj-copy")).get("plans/xj-copy.yaml")).isEqualTo(copy);
        assertThat(frameworks.preview(new MapFileSet().with("plans/xj-copy.yaml", copy), Change.form("")).items()).isEmpty();
    }

    @Test
    void aPreviewListsWhatWouldBeAddedChangedAndRetiredAndWritesNothing() {
        String plan = frameworks.export(List.of("xj-info-13fyp")).get("plans/xj-info-13fyp.yaml");
        String firstTarget = "- id: \"t-community-platform-2020\"";
        assertThat(plan).contains(firstTarget);
        // the first target's value changes; the key project KP01 is dropped from the file
        String changed = plan.replaceFirst("(- id: \"t-community-platform-2020\"[\\s\\S]*?value: )95", "$190");
        int kp01 = changed.indexOf("  - code: \"KP01\"");
        int kp02 = changed.indexOf("  - code: \"KP02\"");
        changed = changed.substring(0, kp01) + changed.substring(kp02);
        MapFileSet files = new MapFileSet().with("plans/xj-info-13fyp.yaml", changed);
        String before = state();

        FrameworkFiles.Summary preview = frameworks.preview(files, Change.form("中期评估调整"));
        assertThat(state()).as("a preview writes nothing").isEqualTo(before);
        assertThat(preview.items()).extracting(i -> i.type() + " " + i.key() + " " + i.action())
                .containsExactlyInAnyOrder("target xj-info-13fyp/t-community-platform-2020 changed", "key_project xj-info-13fyp/KP01 retired");
        assertThat(preview.items()).filteredOn(i -> i.type().equals("target")).singleElement()
                .satisfies(i -> assertThat(i.fields()).containsExactly(new FrameworkFiles.FieldDiff("value", "95", "90")));
        assertThat(preview.counts().get("key_project").retired()).isEqualTo(1);
        assertThat(preview.counts().get("target").changed()).isEqualTo(1);

        FrameworkFiles.Summary applied = frameworks.apply(files, Change.form("中期评估调整"));
        assertThat(applied.items()).isEqualTo(preview.items());
        Plan p = plans.get("xj-info-13fyp");
        assertThat(plans.keyProjects(p)).extracting(KeyProject::code).doesNotContain("KP01");
        Target t = targets.find(p.id(), "t-community-platform-2020").orElseThrow();
        assertThat(t.value()).isEqualByComparingTo("90");
        assertThat(targets.revisions(t.id())).last().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("中期评估调整");
            assertThat(r.channel()).isEqualTo(Change.Channel.FORM);
        });
        // other plans are never retired by an import that does not hold them
        assertThat(plans.find("nm-info-13fyp")).get().satisfies(n -> assertThat(n.retired()).isFalse());
        assertThat(targets.ofPlan(plans.get("nm-info-13fyp"))).isNotEmpty();
    }

    @Test
    void aFileThatChangesWhatACodeMeansIsRefusedWholeNamingTheFile() {
        String plan = frameworks.export(List.of("xj-info-13fyp")).get("plans/xj-info-13fyp.yaml");
        String moved = plan.replaceFirst("(- id: \"t-community-platform-2020\"\\n    indicator: )\"COMMUNITY_PLATFORM_COVERAGE\"", "$1\"IDI\"")
                .replaceFirst("(- id: \"t-eimfg-rev-2020\"[\\s\\S]*?value: )500", "$1400");
        assertThat(moved).isNotEqualTo(plan);
        String before = state();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> frameworks.apply(new MapFileSet().with("plans/xj-info-13fyp.yaml", moved), Change.form("x")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).startsWith("test/plans/xj-info-13fyp.yaml").contains("t-community-platform-2020");
            assertThat(p.field()).isEqualTo("indicator");
            assertThat(p.kind()).isEqualTo(FrameworkProblem.MEANING_CHANGED);
        });
        assertThat(state()).as("the other target's change is not applied either").isEqualTo(before);
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndNothingIsWritten() {
        String before = state();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> frameworks.preview(
                new MapFileSet().with("indicators.yaml", "indicators:\n  - code: X1\n    polarity: sideways\n"), Change.form("")));
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.source()).isEqualTo("test/indicators.yaml"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.line()).isPositive());
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aPlannerImportsOnlyPlansOfTheirRegion() {
        As.user(details, "fw-import-nm");
        String plan = frameworks.export(List.of("xj-info-13fyp")).get("plans/xj-info-13fyp.yaml");
        assertThatThrownBy(() -> frameworks.preview(new MapFileSet().with("plans/xj-info-13fyp.yaml", plan), Change.form("")))
                .isInstanceOf(AccessDeniedException.class);
        As.user(details, "fw-import-xj");
        assertThat(frameworks.preview(new MapFileSet().with("plans/xj-info-13fyp.yaml", plan), Change.form("")).items()).isEmpty();
    }
}
