package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Section;
import org.yardstick.framework.Targets;

/**
 * The evaluation report of the Xinjiang informatization plan as HTML, as PDF (rendered to PNG pages
 * and read back) and with its Excel annex.
 */
@YardstickTest
class ReportTest {

    static final String PLAN = "xj-info-13fyp";

    @Autowired MockMvc mvc;
    @Autowired Plans plans;
    @Autowired Targets targets;

    byte[] download(String url, String contentType) throws Exception {
        var response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(contentType);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment");
        return response.getContentAsByteArray();
    }

    List<String> chapterTitles(Locale locale) {
        Plan plan = plans.get(PLAN);
        return plans.outline(plan).stream().map(Section::title).map(t -> t.in(locale)).toList();
    }

    @Test
    void theHtmlReportHasAChapterPerSectionWithStatusesAndReasons() throws Exception {
        String html = mvc.perform(get("/plans/" + PLAN + "/report").param("kind", "mid-term").param("asOf", "2018"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("新疆维吾尔自治区国民经济和社会发展信息化“十三五”规划中期评估报告", "评估截至2018年",
                "1. 总体评估", "2. 预警", "3. 进展滞后的目标", "4. 与2017年相比的变化", "进展顺利", "数据不足：",
                "/plans/xj-info-13fyp/report.pdf?kind=mid-term&amp;asOf=2018", "report.xlsx");
        for (String title : chapterTitles(Locale.CHINA)) {
            assertThat(html).contains(title);
        }
    }

    @Test
    void thePdfRendersChineseWithTheFontEmbeddedAsASubset() throws Exception {
        byte[] pdf = download("/plans/" + PLAN + "/report.pdf?kind=mid-term&asOf=2018", "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(3, 40);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("新疆维吾尔自治区国民经济和社会发展信息化“十三五”规划中期评估报告", "评估截至2018年",
                    "总体评估", "全区两化融合发展指数达到68", "进展顺利");
            for (String title : chapterTitles(Locale.CHINA)) {
                assertThat(text).contains(title.replaceAll("\\s+", ""));
            }
            // the CJK font is embedded, as a subset (tagged ABCDEF+)
            var resources = doc.getPage(0).getResources();
            boolean subset = false;
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                subset |= font.getName().matches("[A-Z]{6}\\+.*");
            }
            assertThat(subset).isTrue();
            assertThat(pdf.length).isLessThan(2_000_000);

            PDFRenderer renderer = new PDFRenderer(doc);
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage page = renderer.renderImageWithDPI(p, 60);
                ImageIO.write(page, "png", dir.resolve("report-mid-term-page-" + (p + 1) + ".png").toFile());
                if (p == 0) {
                    // the title block (top fifth of the first page) is drawn, not blank
                    assertThat(darkShare(page, 0, page.getHeight() / 5)).isGreaterThan(0.01);
                    // and the status bars are coloured
                    assertThat(colouredPixels(page)).isGreaterThan(100);
                }
            }
        }
    }

    @Test
    void theEnglishPdfIsInEnglish() throws Exception {
        byte[] pdf = download("/plans/" + PLAN + "/report.pdf?kind=final&lang=en", "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Final evaluation report", "As of 2020", "Overall assessment", "Method");
        }
    }

    @Test
    void theExcelAnnexHasEveryTargetAndEveryFigureWithItsSource() throws Exception {
        byte[] xlsx = download("/plans/" + PLAN + "/report.xlsx?kind=annual", "application/vnd.openxmlformats");
        int targetCount = targets.ofPlan(plans.get(PLAN)).size();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet t = book.getSheetAt(0);
            assertThat(t.getSheetName()).isEqualTo("目标进展");
            assertThat(t.getLastRowNum()).isEqualTo(targetCount);
            assertThat(t.getRow(0).getCell(14).getStringCellValue()).isEqualTo("状态");
            Sheet f = book.getSheetAt(1);
            assertThat(f.getLastRowNum()).isGreaterThan(30);
            boolean iidi = false;
            for (int r = 1; r <= f.getLastRowNum(); r++) {
                var row = f.getRow(r);
                if (row.getCell(0).getStringCellValue().equals("IIDI") && row.getCell(4).getStringCellValue().equals("2015")) {
                    iidi = true;
                    assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(56.96);
                    assertThat(row.getCell(11).getStringCellValue()).isEqualTo("xj-info-13fyp");
                    assertThat(row.getCell(13).getStringCellValue()).contains("56.96");
                }
            }
            assertThat(iidi).isTrue();
        }
    }

    static double darkShare(BufferedImage image, int fromY, int toY) {
        long dark = 0;
        long all = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                all++;
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (grey < 128) {
                    dark++;
                }
            }
        }
        return (double) dark / all;
    }

    static long colouredPixels(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }
}
