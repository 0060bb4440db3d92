package org.yardstick.assessment.web;

import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yardstick.assessment.internal.Assessments;
import org.yardstick.shared.HtmlPdf;

/** An enterprise's diagnosis report as PDF: the result page's content, the dimension chart drawn as bars. */
@Component
class DiagnosisPdf {

    /** The report's layout: A4, the embedded CJK font, dimension scores as bars. */
    private static final String CSS = """
            @page { size: A4; margin: 18mm 16mm; }
            body, table, th, td { font-family: 'Yardstick CJK'; font-size: 10pt; color: #212529; }
            h1 { font-size: 15pt; margin: 0 0 4pt 0; }
            h2 { font-size: 11pt; margin: 12pt 0 4pt 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 0.5pt solid #dee2e6; padding: 3pt 4pt; text-align: left; }
            td.num, th.num { text-align: right; }
            .bar { background: #0d6efd; height: 8pt; }
            .muted { color: #6c757d; font-size: 8.5pt; }
            .strong { background: #d1e7dd; } .weak { background: #fff3cd; }
            """;

    private final ITemplateEngine templates;
    private final HtmlPdf pdf;

    DiagnosisPdf(ITemplateEngine templates, HtmlPdf pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    ResponseEntity<byte[]> response(Assessments.Result result, Locale locale) {
        Context c = new Context(locale);
        c.setVariable("css", CSS);
        c.setVariable("result", result);
        c.setVariable("questionnaire", result.assessment().questionnaire());
        byte[] bytes = pdf.render(templates.process("assessment/diagnosis-pdf", c));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("diagnosis-" + result.assessment().enterprise().creditCode() + "-"
                                + locale.getLanguage() + ".pdf").build().toString())
                .body(bytes);
    }
}
