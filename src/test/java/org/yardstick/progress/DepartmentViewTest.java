package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.progress.internal.DepartmentView;
import org.yardstick.progress.internal.DepartmentViews;
import org.yardstick.progress.rules.Status;

/**
 * The department view of 自治区科技厅 (xj-kjt): the targets of the tasks it leads — task 1 of the 2017
 * implementation opinions (004) measured by the 20个以上“双创”平台 target — and of those it co-leads.
 */
@YardstickTest
class DepartmentViewTest {

    @Autowired DepartmentViews views;
    @Autowired MockMvc mvc;

    @Test
    void theTasksItLeadsAndCoLeadsWithTheirTargets() {
        DepartmentView v = views.of("xj-kjt");
        DepartmentView.TaskRow first = v.led().stream().filter(r -> r.task().code().equals("T2.1.1")).findFirst().orElseThrow();
        assertThat(first.lead()).isTrue();
        assertThat(first.plan().code()).isEqualTo("xj-mfg-internet-2017");
        assertThat(first.task().deadlineYear()).isEqualTo(2020);
        assertThat(first.targets()).extracting(t -> t.target().code())
                .containsExactly("t-dual-platforms-2020", "t-natl-dual-pilots-2020", "t-dual-rate-task-2020");
        assertThat(first.targets().get(0).target().statement().zh()).isEqualTo("到2020年实施完成20个以上“双创”平台建设");
        assertThat(first.targets()).allSatisfy(t -> assertThat(t.assessment().reason()).isNotNull());
        // T2.1.3 (service system, a milestone) it leads too; T2.1.2 (双创 bases) and T2.2 it co-leads
        assertThat(v.led()).extracting(r -> r.task().code()).contains("T2.1.1", "T2.1.3").doesNotContain("T2.1.2");
        assertThat(v.coLed()).extracting(r -> r.task().code()).contains("T2.1.2", "T2.2");
        assertThat(v.coLed()).allSatisfy(r -> assertThat(r.lead()).isFalse());
        DepartmentView.TaskRow bases = v.coLed().stream().filter(r -> r.task().code().equals("T2.1.2")).findFirst().orElseThrow();
        assertThat(bases.task().leadCode()).isEqualTo("xj-fgw");
        assertThat(bases.targets()).extracting(t -> t.target().code()).containsExactly("t-dual-bases-2020");
        // deadlines of 2020 have passed on the test clock (2026) with nothing achieved
        assertThat(first.overdue()).isTrue();
        assertThat(v.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(v.targetCount());
        // their target years have passed without a figure for them: none is on track or lacks data any more
        assertThat(v.counts().get(Status.CANNOT_BE_JUDGED)).isPositive();
        assertThat(v.counts().get(Status.ON_TRACK)).isZero();
    }

    @Test
    void thePageSeparatesLeadFromCoResponsibleUnitsInBothLanguages() throws Exception {
        String html = mvc.perform(get("/departments/xj-kjt")).andReturn().getResponse().getContentAsString();
        int led = html.indexOf("id=\"tasks-led\"");
        int co = html.indexOf("id=\"tasks-co\"");
        assertThat(led).isPositive().isLessThan(co);
        String ledPart = html.substring(led, co);
        assertThat(ledPart).contains("牵头的任务", "到2020年实施完成20个以上“双创”平台建设", "data-target=\"t-dual-platforms-2020\"",
                "完成时限：2020年", "已过时限");
        assertThat(html.substring(co)).contains("配合的任务", "到2020年建设3-5个制造业与互联网融合“双创”基地", "牵头单位：自治区发改委");
        assertThat(html).contains("data-chart-kind=\"statusCounts\"");
        String en = mvc.perform(get("/departments/xj-kjt").param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Tasks it leads", "Tasks it co-operates on", "More than 20 mass-innovation platforms",
                "Deadline: 2020").doesNotContain("牵头的任务", "完成时限");
    }
}
