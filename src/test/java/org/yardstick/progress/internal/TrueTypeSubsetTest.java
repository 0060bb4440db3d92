package org.yardstick.progress.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The report font: Noto Sans CJK's PostScript outlines become a small TrueType subset that PDFBox
 * embeds; the text comes back out of the PDF and the glyphs are drawn.
 */
class TrueTypeSubsetTest {

    static final String TEXT = "新疆维吾尔自治区信息化规划 中期评估报告 Mid-term 2018 ≥ 68%";

    @Test
    void aCubicBecomesQuadraticsWithinTheTolerance() {
        GeneralPath p = new GeneralPath();
        p.moveTo(0, 0);
        p.curveTo(0, 500, 1000, 500, 1000, 0);
        p.closePath();
        List<List<int[]>> contours = TrueTypeSubset.contours(p);
        assertThat(contours).hasSize(1);
        List<int[]> points = contours.get(0);
        // starts and ends on the curve, alternating on/off points after the first
        assertThat(points.get(0)).containsExactly(0, 0, 1);
        assertThat(points.get(points.size() - 1)).containsExactly(1000, 0, 1);
        assertThat(points.stream().filter(q -> q[2] == 0).count()).isGreaterThan(1);
        // the apex of the cubic is y = 375 at x = 500; the on-curve points stay on it
        int[] middle = points.stream().filter(q -> q[2] == 1 && q[0] == 500).findFirst().orElseThrow();
        assertThat(middle[1]).isEqualTo(375);
    }

    @Test
    void theSubsetIsEmbeddedAndItsTextIsReadableAndDrawn() throws Exception {
        ReportFonts fonts = new ReportFonts("");
        assertThat(fonts.available()).as("fonts-noto-cjk at " + ReportFonts.NOTO).isTrue();
        SortedSet<Integer> cps = new TreeSet<>();
        TEXT.codePoints().forEach(cps::add);
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDFont font = fonts.load(doc, cps, false);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 24);
                cs.newLineAtOffset(40, 700);
                cs.showText(TEXT);
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        } finally {
            fonts.destroy();
        }
        // a subset: far from the 16 MB of the whole face
        assertThat(pdf.length).isLessThan(100_000);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("新疆维吾尔自治区信息化规划", "中期评估报告", "Mid-term 2018");
            var font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
            assertThat(font.isEmbedded()).isTrue();
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(image, "png", java.nio.file.Path.of("target", "screenshots", "font-subset.png").toFile());
            // the text line is drawn: dark pixels where it stands
            int dark = 0;
            for (int y = 792 - 720; y < 792 - 690; y++) {
                for (int x = 40; x < 600; x++) {
                    if ((image.getRGB(x, y) & 0xFF) < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).isGreaterThan(500);
        }
    }
}
