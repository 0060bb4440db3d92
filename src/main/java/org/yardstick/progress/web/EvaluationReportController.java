package org.yardstick.progress.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.progress.internal.Report;
import org.yardstick.progress.internal.ReportExcel;
import org.yardstick.progress.internal.ReportFonts;
import org.yardstick.progress.internal.ReportKind;
import org.yardstick.progress.internal.ReportPdf;
import org.yardstick.progress.internal.EvaluationReports;
import org.yardstick.shared.NotFoundException;

/**
 * Evaluation reports of a plan — annual, mid-term, final — as a web page, as PDF and with the Excel
 * annex. Made from the approved figures at the moment of the request.
 */
@Controller
class EvaluationReportController {

    private final Plans plans;
    private final EvaluationReports reports;
    private final ReportPdf pdf;
    private final ReportExcel excel;
    private final ReportFonts fonts;
    private final MessageSource messages;

    EvaluationReportController(Plans plans, EvaluationReports reports, ReportPdf pdf, ReportExcel excel, ReportFonts fonts,
                     MessageSource messages) {
        this.messages = messages;
        this.plans = plans;
        this.reports = reports;
        this.pdf = pdf;
        this.excel = excel;
        this.fonts = fonts;
    }

    @GetMapping("/plans/{code}/report")
    String page(@PathVariable String code, @RequestParam(defaultValue = "mid-term") String kind,
                @RequestParam(required = false) @Nullable Integer asOf, Model model) {
        Plan plan = plans.get(code);
        Report report = reports.report(plan, kind(kind), asOf);
        model.addAttribute("report", report);
        model.addAttribute("kinds", ReportKind.values());
        List<Integer> years = new ArrayList<>();
        for (int y = plan.baselineYear(); y <= Math.max(plan.endYear(), report.asOf()) + 5; y++) {
            years.add(y);
        }
        model.addAttribute("years", years);
        model.addAttribute("pdfAvailable", pdf.available());
        model.addAttribute("fontLocation", fonts.location());
        return "progress/report";
    }

    @GetMapping("/plans/{code}/report.pdf")
    ResponseEntity<?> pdf(@PathVariable String code, @RequestParam(defaultValue = "mid-term") String kind,
                          @RequestParam(required = false) @Nullable Integer asOf, Locale locale) {
        Plan plan = plans.get(code);
        ReportKind k = kind(kind);
        if (!pdf.available()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(messages.getMessage("report.pdf.no-font", new Object[] {fonts.location()}, locale));
        }
        Report report = reports.report(plan, k, asOf);
        return file(pdf.render(report, locale), MediaType.APPLICATION_PDF, name(plan, report, "pdf"));
    }

    @GetMapping("/plans/{code}/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(defaultValue = "mid-term") String kind,
                                @RequestParam(required = false) @Nullable Integer asOf, Locale locale) {
        Plan plan = plans.get(code);
        Report report = reports.report(plan, kind(kind), asOf);
        return file(excel.write(report, locale),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                name(plan, report, "xlsx"));
    }

    private static ReportKind kind(String code) {
        return ReportKind.of(code).orElseThrow(() -> new NotFoundException("report kind", code));
    }

    private static String name(Plan plan, Report report, String extension) {
        return plan.code() + "-" + report.kind().code() + "-" + report.asOf() + "." + extension;
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
