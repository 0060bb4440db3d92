package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Change;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.PlanCommand;
import org.yardstick.framework.internal.TaskCommand;
import org.yardstick.shared.LocalizedText;

/**
 * Issue 19: a task added to a plan becomes a supervised item when the change is committed, by the
 * event the framework publishes; reading the supervision pages writes nothing.
 */
@YardstickTest
class ItemsFollowThePlanTest {

    @Autowired FrameworkChanges changes;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private long items() {
        return jdbc.sql("select count(*) from sup_item").query(Long.class).single();
    }

    private long itemsOf(String plan, String task) {
        return jdbc.sql("select count(*) from sup_item i join task t on t.id = i.task_id join plan p on p.id = t.plan_id "
                + "where p.code = ? and t.code = ?").params(plan, task).query(Long.class).single();
    }

    @Test
    void aTaskAddedThroughTheWritePathIsSupervisedAtOnceAndReadingWritesNothing() throws Exception {
        String plan = "sup-follow-" + System.nanoTime() % 1_000_000;
        As.user(details, "admin");
        changes.createPlan(new PlanCommand(plan, LocalizedText.of("督查测试规划", "Supervision test plan"), "65", 2021, 2025,
                2020, null), Change.form(""));
        changes.createTask(plan, new TaskCommand("t1", null, LocalizedText.of("建设数据中心", "Build a data centre"), 2021, 2024,
                List.of("xj-fgw", "xj-jxw"), List.of(), null), Change.form(""));
        As.nobody();
        // created by the event, with its units in order, before anyone reads a page
        assertThat(itemsOf(plan, "t1")).isEqualTo(1);
        assertThat(jdbc.sql("""
                select o.code from sup_item_unit u join organisation o on o.id = u.organisation_id
                join sup_item i on i.id = u.item_id join task t on t.id = i.task_id join plan p on p.id = t.plan_id
                where p.code = ? order by u.position""").param(plan).query(String.class).list())
                .containsExactly("xj-fgw", "xj-jxw");

        // a task written behind the write path's back is not turned into an item by a page being read
        long planId = jdbc.sql("select id from plan where code = ?").param(plan).query(Long.class).single();
        jdbc.sql("insert into task (plan_id, code, title_zh, title_en, start_year, deadline_year, ordinal) values (?, ?, ?, ?, ?, ?, ?)")
                .params(planId, "t2", "旁路任务", "Side task", 2021, 2023, 9).update();
        // (with a responsible unit, as every task has: other tests export and re-import every plan)
        jdbc.sql("insert into task_unit (task_id, organisation_id, position) values ("
                + "(select id from task where plan_id = ? and code = 't2'), (select id from organisation where code = 'xj-fgw'), 1)")
                .param(planId).update();
        long before = items();
        mvc.perform(get("/supervision").with(user(details.loadUserByUsername("planner")))).andExpect(status().isOk());
        mvc.perform(get("/supervision")).andExpect(status().isOk());
        assertThat(items()).isEqualTo(before);
        assertThat(itemsOf(plan, "t2")).isZero();
    }
}
