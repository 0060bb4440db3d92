package org.yardstick.supervision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yardstick.shared.LocalizedText;
import org.yardstick.supervision.Item;
import org.yardstick.supervision.ItemStatus;
import org.yardstick.supervision.Items;
import org.yardstick.supervision.Unit;

/**
 * Scoreboards (督办考核): per department — items led, on time, late, completed, reported this period,
 * co-led — and per plan; sortable by any column; exportable to Excel with the same figures.
 * A department sees its own row only; planners and administrators see all.
 */
@Service
public class Scoreboards {

    /** A department's figures. "On time" is every led item that is not late. */
    public record DepartmentScore(Unit unit, int led, int onTime, int late, int completed, int reportedThisPeriod,
                                  int coLed) {}

    /** A plan's figures. */
    public record PlanScore(String planCode, LocalizedText planName, int items, int withoutLead, int onTime, int late,
                            int completed, int reportedThisPeriod) {}

    /** A column of a table: its message key and how to read it from a row. */
    public record Column<T>(String key, Function<T, Object> value) {}

    public static final List<Column<DepartmentScore>> DEPARTMENT_COLUMNS = List.of(
            new Column<>("unit", s -> s.unit().code()),
            new Column<>("led", DepartmentScore::led),
            new Column<>("onTime", DepartmentScore::onTime),
            new Column<>("late", DepartmentScore::late),
            new Column<>("completed", DepartmentScore::completed),
            new Column<>("reported", DepartmentScore::reportedThisPeriod),
            new Column<>("coLed", DepartmentScore::coLed));

    public static final List<Column<PlanScore>> PLAN_COLUMNS = List.of(
            new Column<>("plan", PlanScore::planCode),
            new Column<>("items", PlanScore::items),
            new Column<>("withoutLead", PlanScore::withoutLead),
            new Column<>("onTime", PlanScore::onTime),
            new Column<>("late", PlanScore::late),
            new Column<>("completed", PlanScore::completed),
            new Column<>("reported", PlanScore::reportedThisPeriod));

    private final Items items;
    private final ReportingPeriods periods;
    private final Access access;
    private final JdbcClient jdbc;

    Scoreboards(Items items, ReportingPeriods periods, Access access, JdbcClient jdbc) {
        this.items = items;
        this.periods = periods;
        this.access = access;
        this.jdbc = jdbc;
    }

    private record Facts(Item item, ItemStatus status, boolean reported) {}

    private List<Facts> facts(List<Item> all, LocalDate today) {
        Set<String> reported = new HashSet<>();
        jdbc.sql("select item_id, period from sup_report where lead = true")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2)).list().forEach(reported::add);
        Map<Long, String> current = new HashMap<>();
        return all.stream().map(i -> new Facts(i, i.status(today, items.dueSoonDays()),
                reported.contains(i.id() + "/" + current.computeIfAbsent(i.planId(),
                        p -> periods.current(p, today).code())))).toList();
    }

    /** Every unit that leads or co-leads an item, for {@code items} on {@code today}, sorted. */
    public List<DepartmentScore> departments(List<Item> all, LocalDate today, String sort, boolean descending) {
        access.requireSupervises();
        Map<String, int[]> figures = new LinkedHashMap<>();
        Map<String, Unit> units = new HashMap<>();
        for (Facts f : facts(all, today)) {
            Item i = f.item();
            if (i.lead() != null) {
                units.put(i.lead().code(), i.lead());
                int[] x = figures.computeIfAbsent(i.lead().code(), k -> new int[6]);
                x[0]++;
                x[f.status().late() ? 2 : 1]++;
                if (f.status().complete()) {
                    x[3]++;
                }
                if (f.reported()) {
                    x[4]++;
                }
            }
            for (Unit co : i.coUnits()) {
                units.put(co.code(), co);
                figures.computeIfAbsent(co.code(), k -> new int[6])[5]++;
            }
        }
        String department = access.department();
        List<DepartmentScore> rows = new ArrayList<>();
        figures.forEach((code, x) -> {
            if (department == null || department.equals(code)) {
                rows.add(new DepartmentScore(units.get(code), x[0], x[1], x[2], x[3], x[4], x[5]));
            }
        });
        return sorted(rows, DEPARTMENT_COLUMNS, sort, descending);
    }

    /** Every plan with items, sorted (planners and administrators). */
    public List<PlanScore> plans(List<Item> all, LocalDate today, String sort, boolean descending) {
        access.requirePlan();
        Map<String, int[]> figures = new LinkedHashMap<>();
        Map<String, LocalizedText> names = new HashMap<>();
        for (Facts f : facts(all, today)) {
            names.put(f.item().planCode(), f.item().planName());
            int[] x = figures.computeIfAbsent(f.item().planCode(), k -> new int[6]);
            x[0]++;
            if (f.item().lead() == null) {
                x[1]++;
            }
            x[f.status().late() ? 3 : 2]++;
            if (f.status().complete()) {
                x[4]++;
            }
            if (f.reported()) {
                x[5]++;
            }
        }
        List<PlanScore> rows = new ArrayList<>();
        figures.forEach((code, x) -> rows.add(new PlanScore(code, names.get(code), x[0], x[1], x[2], x[3], x[4], x[5])));
        return sorted(rows, PLAN_COLUMNS, sort, descending);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> List<T> sorted(List<T> rows, List<Column<T>> columns, String sort, boolean descending) {
        Column<T> column = columns.stream().filter(c -> c.key().equals(sort)).findFirst().orElse(columns.get(0));
        Comparator<T> by = Comparator.comparing(r -> (Comparable) column.value().apply(r));
        Comparator<T> then = Comparator.comparing(r -> String.valueOf(columns.get(0).value().apply(r)));
        return rows.stream().sorted((descending ? by.reversed() : by).thenComparing(then)).toList();
    }

    /**
     * One sheet with a header row and one row per line, each cell as the table shows it: text for the
     * first column, numbers for the figures.
     */
    public static <T> byte[] excel(String sheetName, List<String> header, List<T> rows, Function<T, String> name,
                                   List<Column<T>> columns) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            XSSFCellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
                h.getCell(c).setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                T line = rows.get(r);
                row.createCell(0).setCellValue(name.apply(line));
                for (int c = 1; c < columns.size(); c++) {
                    row.createCell(c).setCellValue(((Number) columns.get(c).value().apply(line)).doubleValue());
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(0, 40 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
