package org.yardstick.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.yardstick.ingestion.GoldFigures;
import org.yardstick.ingestion.rules.Extractor;
import org.yardstick.ingestion.rules.Item;
import org.yardstick.shared.InvalidInputException;

/** Reading uploads: every accepted format gives the text; every bad file is refused with its reason. */
public class DocumentTextTest {

    static final String SEED_000 = "000_725402c544bed228";

    static IngestionProblem refusal(String name, byte[] bytes) {
        try {
            DocumentText.read(name, bytes);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).source()).isEqualTo(name);
            return (IngestionProblem) e.problems().get(0).kind();
        }
        throw new AssertionError(name + " was read");
    }

    /** Seed 000 as a Word file made here, one paragraph per line, as a person would paste it into Word. */
    public static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n", -1)) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void seed000AsDocxGivesTheSameProposalsAsItsText() throws IOException {
        String text = GoldFigures.seed(SEED_000);
        String fromWord = DocumentText.read("000.docx", docx(text));
        Extractor extractor = new Extractor(GoldFigures.demoCatalogue());
        var a = extractor.extract(DocumentText.checked("000.txt", text), Extractor.Options.none()).items();
        var b = extractor.extract(fromWord, Extractor.Options.none()).items();
        assertThat(a).hasSizeGreaterThan(80);
        assertThat(b).extracting(Item::kind, Item::value, Item::unit, Item::year, Item::sentence)
                .containsExactlyElementsOf(a.stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.kind(), i.value(),
                        i.unit(), i.year(), i.sentence())).toList());
    }

    @Test
    void textInUtf8Gbk18030AndWithBomReadsTheSame() {
        String t = "到2020年，行政村通宽带比例达到98%以上。";
        assertThat(DocumentText.read("a.txt", t.getBytes(StandardCharsets.UTF_8))).isEqualTo(t);
        assertThat(DocumentText.read("b.txt", t.getBytes(Charset.forName("GBK")))).isEqualTo(t);
        assertThat(DocumentText.read("c.txt", t.getBytes(Charset.forName("GB18030")))).isEqualTo(t);
        byte[] bom = ("\uFEFF" + t).getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentText.read("d.txt", bom)).isEqualTo(t);
    }

    @Test
    void aPdfWithATextLayerIsReadAndAScannedOneIsRefused() throws IOException {
        assertThat(DocumentText.read("plan.pdf", pdf("Broadband 2020: 98% of villages"))).contains("98% of villages");
        assertThat(refusal("scan.pdf", pdf(null))).isEqualTo(IngestionProblem.NO_TEXT_LAYER);
    }

    public static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                if (text != null) {
                    s.beginText();
                    s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    s.newLineAtOffset(72, 700);
                    s.showText(text);
                    s.endText();
                } else {
                    s.addRect(72, 72, 400, 600); // an image-only page: shapes, no text
                    s.fill();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void badFilesAreRefusedWithTheirReason() throws IOException {
        assertThat(refusal("empty.txt", new byte[0])).isEqualTo(IngestionProblem.EMPTY);
        assertThat(refusal("blank.txt", "  \n\u3000\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(IngestionProblem.EMPTY);
        byte[] huge = new byte[DocumentText.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) 'a');
        assertThat(refusal("50mb.txt", huge)).isEqualTo(IngestionProblem.TOO_LARGE);
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x01;
        assertThat(refusal("garbage.bin", garbage)).isIn(IngestionProblem.BINARY, IngestionProblem.ENCODING);
        byte[] controls = new byte[512];
        Arrays.fill(controls, (byte) 0x02);
        assertThat(refusal("controls.bin", controls)).isEqualTo(IngestionProblem.BINARY);
        // half UTF-8, half GBK: neither decodes the whole
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write("宽带用户达到100万户。".getBytes(StandardCharsets.UTF_8));
        mixed.write("宽带用户达到200万户。".getBytes(Charset.forName("GBK")));
        assertThat(refusal("mixed.txt", mixed.toByteArray())).isEqualTo(IngestionProblem.ENCODING);
        // a Word file cut in half; an old Word file that is not one
        byte[] word = docx("到2020年，宽带用户达到200万户。");
        assertThat(refusal("cut.docx", Arrays.copyOf(word, word.length / 2))).isEqualTo(IngestionProblem.UNREADABLE);
        assertThat(refusal("broken.doc", ole2("WordDocument", new byte[] {1, 2, 3}))).isEqualTo(IngestionProblem.UNREADABLE);
        // a Word file with a password is an OLE2 container holding the encrypted package
        assertThat(refusal("secret.docx", ole2("EncryptedPackage", new byte[64]))).isEqualTo(IngestionProblem.ENCRYPTED);
        byte[] brokenPdf = "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal("broken.pdf", brokenPdf)).isEqualTo(IngestionProblem.UNREADABLE);
    }

    @Test
    void pastedTextAboveTheLimitIsRefused() {
        String longText = "宽".repeat(DocumentText.MAX_CHARS + 1);
        assertThatThrownBy(() -> DocumentText.checked("pasted.txt", longText)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("characters");
    }

    static byte[] ole2(String entry, byte[] content) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(content), entry);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
