package org.yardstick.progress.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders an evaluation report as PDF: the report's XHTML (the same body as the web page, charts
 * drawn as bars with HTML and CSS, no scripts) laid out by openhtmltopdf on PDFBox, with the CJK
 * font embedded as a subset of the characters the report uses.
 */
@Component
public class ReportPdf implements org.yardstick.shared.HtmlPdf {

    private final ITemplateEngine templates;
    private final ApplicationContext context;
    private final ReportFonts fonts;
    private final String css;

    ReportPdf(ITemplateEngine templates, ApplicationContext context, ReportFonts fonts) {
        this.templates = templates;
        this.context = context;
        this.fonts = fonts;
        this.css = resource("static/css/report.css") + "\n" + resource("static/css/report-print.css")
                + "\nbody, table, th, td { font-family: '" + ReportFonts.FAMILY + "'; }\n";
    }

    /** Whether a PDF can be made: a CJK font was found. */
    @Override
    public boolean available() {
        return fonts.available();
    }

    /** The report's XHTML, as the PDF lays it out. */
    public String html(Report report, Locale locale) {
        Context c = new Context(locale);
        c.setVariable("report", report);
        c.setVariable("css", css);
        c.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, context.getBeanProvider(ConversionService.class).getIfAvailable()));
        return templates.process("progress/report-pdf", c);
    }

    /** The report as PDF bytes. */
    public byte[] render(Report report, Locale locale) {
        return render(html(report, locale));
    }

    /** Any XHTML document as PDF bytes, with the CJK font embedded as a subset of its characters. */
    @Override
    public byte[] render(String html) {
        if (!fonts.available()) {
            throw new IllegalStateException("no CJK font for PDF reports at " + fonts.location());
        }
        SortedSet<Integer> characters = new TreeSet<>();
        html.codePoints().forEach(characters::add);
        for (int c = 0x20; c < 0x7F; c++) {
            characters.add(c);
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(fonts.load(document, characters, false)), ReportFonts.FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, false);
            if (fonts.hasBold()) {
                builder.useFont(new PDFontSupplier(fonts.load(document, characters, true)), ReportFonts.FAMILY, 700,
                        BaseRendererBuilder.FontStyle.NORMAL, false);
            }
            builder.withHtmlContent(html, "about:blank");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + path, e);
        }
    }
}
