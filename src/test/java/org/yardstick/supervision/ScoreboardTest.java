package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.security.Accounts;
import org.yardstick.supervision.internal.ReportingPeriods;

/**
 * Scoreboard figures for a constructed plan with two units of its own, counted on the page, in the
 * Excel export (read back with POI) and sorted. Each test rolls back.
 */
@YardstickTest
@Transactional
class ScoreboardTest {

    static final String PLAN = "sup-test-plan";

    @Autowired JdbcClient jdbc;
    @Autowired Items items;
    @Autowired ReportingPeriods periods;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;

    LocalDate today;

    RequestPostProcessor as(String username) {
        return Logins.as(users, accounts, username);
    }

    long organisation(String code, String zh, String en) {
        jdbc.sql("""
                insert into organisation (code, name_zh, name_en, short_zh, short_en, kind, region_id)
                select ?, ?, ?, ?, ?, 'DEPARTMENT', id from region where code = '65'""")
                .params(code, zh, en, zh, en).update();
        return jdbc.sql("select id from organisation where code = ?").param(code).query(Long.class).single();
    }

    /** A task with its units (lead first), its deadline, and when it was completed, if it was. */
    void task(long plan, String code, int ordinal, LocalDate deadline, LocalDate completed, boolean reported, long... units) {
        jdbc.sql("insert into task (plan_id, code, title_zh, title_en, start_year, deadline_year, ordinal) values (?, ?, ?, ?, ?, ?, ?)")
                .params(plan, code, "测试任务" + code, "Test task " + code, 2020, 2030, ordinal).update();
        long task = jdbc.sql("select id from task where plan_id = ? and code = ?").params(plan, code).query(Long.class).single();
        for (int i = 0; i < units.length; i++) {
            jdbc.sql("insert into task_unit (task_id, organisation_id, position) values (?, ?, ?)").params(task, units[i], i + 1)
                    .update();
        }
        items.sync();
        long item = jdbc.sql("select id from sup_item where task_id = ?").param(task).query(Long.class).single();
        jdbc.sql("update sup_item set start_date = ?, deadline = ?, completed_on = ? where id = ?")
                .params(Date.valueOf(deadline.minusYears(2)), Date.valueOf(deadline),
                        completed == null ? null : Date.valueOf(completed), item).update();
        if (reported) {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("""
                    insert into sup_report (item_id, period, organisation_id, lead, progress, narrative, created_at, created_by,
                                            updated_at, updated_by)
                    values (?, ?, ?, true, 50, '测试', ?, 'test', ?, 'test')""")
                    .params(item, periods.current(plan, today).code(), units[0], now, now).update();
        }
    }

    @BeforeEach
    void construct() {
        today = items.today();
        long a = organisation("sup-test-a", "测试甲单位", "Test unit A");
        long b = organisation("sup-test-b", "测试乙单位", "Test unit B");
        jdbc.sql("insert into plan (code, name_zh, name_en, region_id, start_year, end_year, baseline_year) "
                        + "select ?, '测试规划', 'Test plan', id, 2020, 2030, 2019 from region where code = '65'")
                .param(PLAN).update();
        long plan = jdbc.sql("select id from plan where code = ?").param(PLAN).query(Long.class).single();
        task(plan, "X1", 1, today.plusDays(100), null, true, a);                  // in progress, reported
        task(plan, "X2", 2, today.minusDays(10), null, false, a);                 // overdue
        task(plan, "X3", 3, today.minusDays(50), today.minusDays(60), false, a);  // completed on time
        task(plan, "X4", 4, today.minusDays(50), today.minusDays(40), false, a);  // completed late
        task(plan, "X5", 5, today.plusDays(10), null, false, a);                  // due soon
        task(plan, "X6", 6, today.plusDays(200), null, false, b, a);              // B leads, A co-operates
        task(plan, "X7", 7, today.plusDays(300), null, false);                    // nobody assigned yet
    }

    static List<String> row(Sheet sheet, String first) {
        for (Row r : sheet) {
            if (r.getCell(0).getStringCellValue().equals(first)) {
                List<String> cells = new ArrayList<>();
                r.forEach(c -> cells.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? Integer.toString((int) c.getNumericCellValue()) : c.getStringCellValue()));
                return cells;
            }
        }
        throw new AssertionError("no row " + first);
    }

    @Test
    void departmentFiguresOnThePageAndInTheExcelExportAgree() throws Exception {
        byte[] xlsx = mvc.perform(get("/supervision/scoreboard/departments.xlsx").with(as(Logins.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(book.getSheetName(0)).isEqualTo("部门督办考核");
            assertThat(row(sheet, "责任单位")).containsExactly("责任单位", "牵头事项", "按期", "逾期", "已完成", "本期已报送", "配合事项");
            assertThat(row(sheet, "测试甲单位")).containsExactly("测试甲单位", "5", "3", "2", "2", "1", "1");
            assertThat(row(sheet, "测试乙单位")).containsExactly("测试乙单位", "1", "1", "0", "0", "0", "0");
            // the demo: 科技厅 leads two tasks of seed 004 (T2.1.1, T2.1.3)
            assertThat(row(sheet, "自治区科技厅").subList(0, 2)).containsExactly("自治区科技厅", "2");
        }
        String page = mvc.perform(get("/supervision/scoreboard/departments").with(as(Logins.PLANNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String rowA = page.substring(page.indexOf("data-unit=\"sup-test-a\""));
        rowA = rowA.substring(0, rowA.indexOf("</tr>")).replaceAll("\\s+", "");
        assertThat(rowA).contains("<td>测试甲单位</td><td>5</td><td>3</td><td>2</td><td>2</td><td>1</td><td>1</td>");
    }

    @Test
    void planFiguresCountItemsWithoutALead() throws Exception {
        byte[] xlsx = mvc.perform(get("/supervision/scoreboard/plans.xlsx").param("lang", "en").with(as(Logins.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(row(sheet, "Plan")).containsExactly("Plan", "Items", "Without lead unit", "On time", "Late", "Completed",
                    "Reported this period");
            assertThat(row(sheet, "Test plan")).containsExactly("Test plan", "7", "1", "5", "2", "2", "1");
        }
    }

    @Test
    void theScoreboardSortsByAnyColumn() throws Exception {
        String byLed = mvc.perform(get("/supervision/scoreboard/departments").param("sort", "led").param("dir", "asc")
                        .with(as(Logins.PLANNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byLed.indexOf("data-unit=\"sup-test-b\"")).isLessThan(byLed.indexOf("data-unit=\"sup-test-a\""));
        String byLate = mvc.perform(get("/supervision/scoreboard/departments").param("sort", "late").param("dir", "desc")
                        .with(as(Logins.PLANNER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byLate.indexOf("data-unit=\"sup-test-a\"")).isLessThan(byLate.indexOf("data-unit=\"sup-test-b\""));
    }

    @Test
    void aDepartmentSeesOnlyItsOwnRow() throws Exception {
        String page = mvc.perform(get("/supervision/scoreboard/departments").with(as(Logins.DEPARTMENT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-unit=\"xj-kjt\"").doesNotContain("data-unit=\"sup-test-a\"")
                .doesNotContain("data-unit=\"xj-jxw\"");
    }
}
