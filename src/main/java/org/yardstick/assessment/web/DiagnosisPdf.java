package org.yardstick.assessment.web;

import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yardstick.assessment.Assessments;
import org.yardstick.shared.HtmlPdf;

/** An enterprise's diagnosis report as PDF: the result page's content, the dimension chart drawn as bars. */
@Component
class DiagnosisPdf {

    private final ITemplateEngine templates;
    private final HtmlPdf pdf;

    DiagnosisPdf(ITemplateEngine templates, HtmlPdf pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    ResponseEntity<byte[]> response(Assessments.Result result, Locale locale) {
        Context c = new Context(locale);
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
