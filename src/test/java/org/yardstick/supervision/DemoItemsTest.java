package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Task;

/**
 * With the demo data, every task of seed 004 is a supervised item under its lead department with its
 * co-units in the seed's order, and the 16 key projects of seed 000 wait for a lead unit.
 */
@YardstickTest
class DemoItemsTest {

    static final String MFG = "xj-mfg-internet-2017";

    @Autowired Items items;
    @Autowired Plans plans;
    @Autowired MockMvc mvc;

    static List<String> names(List<Unit> units) {
        return units.stream().map(u -> u.name().zh()).toList();
    }

    @Test
    void everyTaskOfSeed004IsAnItemWithTheSeedsUnitsLeadFirst() {
        List<Task> tasks = plans.tasks(plans.get(MFG));
        assertThat(tasks).hasSize(18);
        for (Task t : tasks) {
            Item item = items.get(MFG, t.code());
            assertThat(item.kind()).isEqualTo(ItemKind.TASK);
            assertThat(item.units().stream().map(Unit::code).toList()).as(t.code()).isEqualTo(t.unitCodes());
            assertThat(item.lead()).isNotNull();
            assertThat(item.lead().code()).isEqualTo(t.leadCode());
            assertThat(item.deadline()).isEqualTo(LocalDate.of(t.deadlineYear(), 12, 31));
            assertThat(item.start()).isEqualTo(LocalDate.of(t.startYear(), 1, 1));
        }
    }

    @Test
    void namedTasksHaveTheirLeadAndCoUnits() {
        Item t1 = items.get(MFG, "T2.1.1");
        assertThat(t1.title().zh()).isEqualTo("加快制造企业互联网“双创”平台建设");
        assertThat(t1.lead().name().zh()).isEqualTo("自治区科技厅");
        assertThat(names(t1.coUnits())).containsExactly("自治区经信委", "自治区发改委", "自治区教育厅", "自治区人社厅", "自治区总工会");
        assertThat(t1.deadline()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(t1.targetCodes()).contains("t-dual-platforms-2020");

        Item bases = items.get(MFG, "T2.1.2");
        assertThat(bases.lead().name().zh()).isEqualTo("自治区发改委");
        assertThat(names(bases.coUnits())).containsExactly("自治区经信委", "自治区科技厅", "自治区人社厅");

        Item security = items.get(MFG, "T2.5.1");
        assertThat(security.lead().name().zh()).isEqualTo("自治区党委网信办");
        assertThat(names(security.coUnits())).containsExactly("新疆通信管理局", "自治区经信委");

        Item finance = items.get(MFG, "T3.2");
        assertThat(finance.lead().name().zh()).isEqualTo("自治区财政厅");
        assertThat(names(finance.coUnits())).containsExactly("新疆银监局", "新疆证监局", "自治区经信委", "自治区发改委");
    }

    @Test
    void keyProjectsOfSeed000HaveNoLeadUntilAPlannerAssignsOne() {
        var kps = plans.keyProjects(plans.get("xj-info-13fyp"));
        assertThat(kps).hasSize(16);
        for (var kp : kps) {
            Item item = items.get("xj-info-13fyp", kp.code());
            assertThat(item.kind()).isEqualTo(ItemKind.KEY_PROJECT);
            assertThat(item.targetCodes()).isEqualTo(kp.targetCodes());
            assertThat(item.deadline()).isEqualTo(LocalDate.of(2020, 12, 31));
        }
        Item kp01 = items.get("xj-info-13fyp", "KP01");
        assertThat(kp01.title().zh()).isEqualTo("天山云谷建设推进工程");
        assertThat(kp01.lead()).isNull();
        assertThat(kp01.coUnits()).isEmpty();
    }

    @Test
    void theListFilteredByALeadDepartmentShowsItsTasksWithCoUnits() throws Exception {
        mvc.perform(get("/supervision").param("plan", MFG).param("unit", "xj-kjt")).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("加快制造企业互联网“双创”平台建设"),
                        containsString("自治区经信委、自治区发改委、自治区教育厅、自治区人社厅、自治区总工会"),
                        containsString("推动互联网企业构建制造业“双创”服务体系"))));
        mvc.perform(get("/supervision").param("unit", "xj-wxb")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("加快发展信息安全产业"),
                        containsString("新疆通信管理局、自治区经信委"))));
    }
}
