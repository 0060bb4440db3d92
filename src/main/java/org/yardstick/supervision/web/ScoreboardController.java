package org.yardstick.supervision.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.framework.Plans;
import org.yardstick.supervision.Items;
import org.yardstick.supervision.internal.ReportingFrequency;
import org.yardstick.supervision.internal.ReportingPeriods;
import org.yardstick.supervision.internal.Scoreboards;
import org.yardstick.supervision.internal.Scoreboards.Column;
import org.yardstick.supervision.internal.Scoreboards.DepartmentScore;
import org.yardstick.supervision.internal.Scoreboards.PlanScore;
import org.yardstick.shared.TableDownload;
import org.yardstick.web.Downloads;

/** Scoreboards per department and per plan, sortable by any column, and their Excel export. */
@Controller
@RequestMapping("/supervision/scoreboard")
class ScoreboardController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Scoreboards scoreboards;
    private final Items items;
    private final ReportingPeriods periods;
    private final Plans plans;
    private final MessageSource messages;

    ScoreboardController(Scoreboards scoreboards, Items items, ReportingPeriods periods, Plans plans, MessageSource messages) {
        this.scoreboards = scoreboards;
        this.items = items;
        this.periods = periods;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/departments")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'DEPARTMENT')")
    String departments(@RequestParam(defaultValue = "late") String sort, @RequestParam(defaultValue = "desc") String dir,
                       Model model) {
        board(model, scoreboards.departments(items.all(), items.today(), sort, dir.equals("desc")),
                Scoreboards.DEPARTMENT_COLUMNS, sort, dir);
        return "supervision/departments";
    }

    @GetMapping("/departments.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'DEPARTMENT')")
    ResponseEntity<byte[]> departmentsExcel(@RequestParam(defaultValue = "late") String sort,
                                            @RequestParam(defaultValue = "desc") String dir, Locale locale) {
        List<DepartmentScore> rows = scoreboards.departments(items.all(), items.today(), sort, dir.equals("desc"));
        return excel("departments", locale, rows, s -> s.unit().name().in(locale), Scoreboards.DEPARTMENT_COLUMNS);
    }

    @GetMapping("/plans")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    String plans(@RequestParam(defaultValue = "late") String sort, @RequestParam(defaultValue = "desc") String dir,
                 Model model) {
        board(model, scoreboards.plans(items.all(), items.today(), sort, dir.equals("desc")), Scoreboards.PLAN_COLUMNS,
                sort, dir);
        model.addAttribute("settings", plans.all().stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.code(), p -> periods.of(p.id()))));
        model.addAttribute("frequencies", ReportingFrequency.values());
        return "supervision/plans";
    }

    @GetMapping("/plans.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    ResponseEntity<byte[]> plansExcel(@RequestParam(defaultValue = "late") String sort,
                                      @RequestParam(defaultValue = "desc") String dir, Locale locale) {
        List<PlanScore> rows = scoreboards.plans(items.all(), items.today(), sort, dir.equals("desc"));
        return excel("plans", locale, rows, s -> s.planName().in(locale), Scoreboards.PLAN_COLUMNS);
    }

    @GetMapping("/departments/download")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'DEPARTMENT')")
    ResponseEntity<StreamingResponseBody> departmentsDownload(@RequestParam(defaultValue = "late") String sort,
                                          @RequestParam(defaultValue = "desc") String dir,
                                          @RequestParam(defaultValue = "csv") String format,
                                          @RequestParam(defaultValue = "false") boolean bom, Locale locale) {
        List<DepartmentScore> rows = scoreboards.departments(items.all(), items.today(), sort, dir.equals("desc"));
        return download("departments", Downloads.language(locale), rows, s -> s.unit().name().in(locale),
                Scoreboards.DEPARTMENT_COLUMNS, format, bom);
    }

    @GetMapping("/plans/download")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
    ResponseEntity<StreamingResponseBody> plansDownload(@RequestParam(defaultValue = "late") String sort,
                                    @RequestParam(defaultValue = "desc") String dir,
                                    @RequestParam(defaultValue = "csv") String format,
                                    @RequestParam(defaultValue = "false") boolean bom, Locale locale) {
        List<PlanScore> rows = scoreboards.plans(items.all(), items.today(), sort, dir.equals("desc"));
        return download("plans", Downloads.language(locale), rows, s -> s.planName().in(locale), Scoreboards.PLAN_COLUMNS,
                format, bom);
    }

    /** A scoreboard through the one table writer of public downloads: the code and name, then the counts. */
    private <T> ResponseEntity<StreamingResponseBody> download(String name, Locale locale, List<T> rows, Function<T, String> first,
                                           List<Column<T>> columns, String format, boolean bom) {
        List<TableDownload.Column> cols = new ArrayList<>();
        cols.add(TableDownload.Column.text("code", messages.getMessage("download.col.code", null, locale)));
        cols.add(TableDownload.Column.text("name", messages.getMessage("sup.score." + columns.get(0).key(), null, locale)));
        columns.stream().skip(1).forEach(c -> cols.add(TableDownload.Column.number(c.key(),
                messages.getMessage("sup.score." + c.key(), null, locale))));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(messages.getMessage("download.meta.title", null, locale),
                messages.getMessage("sup.score." + name + ".title", null, locale));
        meta.put(messages.getMessage("download.meta.as-of", null, locale), items.today().toString());
        meta.put(messages.getMessage("download.meta.url", null, locale), "/supervision/scoreboard/" + name);
        TableDownload table = new TableDownload("supervision-" + name + "-" + items.today(), cols, meta, sink -> {
            for (T row : rows) {
                Object[] values = new Object[cols.size()];
                values[0] = columns.get(0).value().apply(row);
                values[1] = first.apply(row);
                for (int c = 1; c < columns.size(); c++) {
                    values[c + 1] = columns.get(c).value().apply(row);
                }
                sink.accept(values);
            }
        });
        return Downloads.answer(table, format, bom, messages, locale);
    }

    private <T> void board(Model model, List<T> rows, List<Column<T>> columns, String sort, String dir) {
        model.addAttribute("rows", rows);
        model.addAttribute("columns", columns.stream().map(Column::key).toList());
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        model.addAttribute("today", items.today());
    }

    private <T> ResponseEntity<byte[]> excel(String name, Locale locale, List<T> rows, Function<T, String> first,
                                             List<Column<T>> columns) {
        List<String> header = columns.stream().map(c -> messages.getMessage("sup.score." + c.key(), null, locale)).toList();
        String sheet = messages.getMessage("sup.score." + name + ".title", null, locale);
        byte[] bytes = Scoreboards.excel(sheet, header, rows, first, columns);
        String file = "supervision-" + name + "-" + items.today() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(bytes);
    }
}
