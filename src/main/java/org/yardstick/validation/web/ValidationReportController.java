package org.yardstick.validation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Indicators;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.shared.CsvWriter;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.validation.internal.ValidationReport;

/**
 * The validation report of a data set and period ({@code /rules/report}): counts by rule and
 * severity, then every finding; and the same findings as CSV for a spreadsheet.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER', 'REVIEWER')")
class ValidationReportController {

    /** Findings shown on the page; the CSV has all of them. */
    static final int SHOWN = 1000;

    private final ValidationReport report;
    private final DataSets dataSets;
    private final Indicators indicators;
    private final MessageSource messages;

    ValidationReportController(ValidationReport report, DataSets dataSets, Indicators indicators, MessageSource messages) {
        this.report = report;
        this.dataSets = dataSets;
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/rules/report")
    String page(@RequestParam(required = false) @Nullable String dataSet,
                @RequestParam(required = false) @Nullable String period, Model model, Locale locale,
                HttpServletResponse response) {
        List<DataSet> sets = dataSets.all();
        model.addAttribute("dataSets", sets);
        model.addAttribute("dataSet", dataSet == null ? "" : dataSet);
        String newest = sets.isEmpty() ? "" : report.periods(sets.get(0)).stream().findFirst().orElse("");
        model.addAttribute("period", period == null ? newest : period);
        if (dataSet == null || dataSet.isBlank() || period == null || period.isBlank()) {
            return "validation/report";
        }
        try {
            ValidationReport.Report r = report.run(dataSet, period);
            model.addAttribute("report", r);
            List<ValidationReport.Line> shown = r.lines().subList(0, Math.min(SHOWN, r.lines().size()));
            model.addAttribute("shown", shown);
            model.addAttribute("limit", SHOWN);
            model.addAttribute("texts", shown.stream().map(l -> Problems.text(messages, l.finding(), locale)).toList());
            model.addAttribute("names", names(r));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", Problems.byField(messages, e.problems(), locale));
        }
        return "validation/report";
    }

    @GetMapping("/rules/report.csv")
    void csv(@RequestParam String dataSet, @RequestParam String period, Locale locale, HttpServletResponse response)
            throws IOException {
        ValidationReport.Report r;
        try {
            r = report.run(dataSet, period);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            response.setContentType("text/plain;charset=UTF-8");
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            for (var p : e.problems()) {
                out.write(p.field() + ": " + Problems.text(messages, p.kind(), p.args(), locale) + "\r\n");
            }
            out.flush();
            return;
        }
        Map<String, Indicator> names = names(r);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"validation-" + r.dataSet().code() + "-"
                + r.period().code() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // byte-order mark: spreadsheets then read the file as UTF-8
        out.write("region_code,region,indicator_code,indicator,value,severity,rule_code,rule,message\r\n");
        for (ValidationReport.Line l : r.lines()) {
            Indicator i = names.get(l.finding().indicatorCode());
            String severity = messages.getMessage("validation.severity." + l.finding().severity().name(), null, locale);
            // the value is written as a number (a negative one is not text to guard against formulas)
            out.write(String.join(",", CsvWriter.field(l.region().code()), CsvWriter.field(l.region().name().in(locale)),
                    CsvWriter.field(l.finding().indicatorCode()), CsvWriter.field(i == null ? "" : i.name().in(locale)),
                    l.value() == null ? "" : l.value().stripTrailingZeros().toPlainString(), CsvWriter.field(severity),
                    CsvWriter.field(l.rule().code()), CsvWriter.field(l.rule().name().in(locale)),
                    CsvWriter.field(Problems.text(messages, l.finding(), locale))));
            out.write("\r\n");
        }
        out.flush();
    }

    private Map<String, Indicator> names(ValidationReport.Report r) {
        Set<String> codes = new HashSet<>();
        r.dataSet().items().forEach(i -> codes.add(i.indicatorCode()));
        return indicators.byCodes(codes);
    }
}
