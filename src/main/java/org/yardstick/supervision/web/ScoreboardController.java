package org.yardstick.supervision.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.framework.Plans;
import org.yardstick.supervision.Items;
import org.yardstick.supervision.ReportingFrequency;
import org.yardstick.supervision.ReportingPeriods;
import org.yardstick.supervision.Scoreboards;
import org.yardstick.supervision.Scoreboards.Column;
import org.yardstick.supervision.Scoreboards.DepartmentScore;
import org.yardstick.supervision.Scoreboards.PlanScore;

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
