package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Reading an upload takes memory that does not grow with the file: CSV and Excel files of about
 * 1 MB and of 16–24 times that are generated on disk (never committed) and read while the heap in
 * use after a full collection is sampled; the larger file may not need more than twice the
 * smaller's (plus a few MB of measuring noise), and far less than its own size. A workbook whose
 * shared strings expand beyond any template is refused, never read into memory.
 */
class ImportMemoryTest {

    static final long MB = 1024 * 1024;
    static final long NOISE = 6 * MB;

    @TempDir Path dir;

    /** Heap in use after full collections: what is really held. */
    static long retained() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The most the heap held (after collections) at a few points while the rows were read, above the start. */
    static final class Sampler {
        final long base = retained();
        final long every;
        long seen;
        long peak;

        Sampler(long rows) {
            this.every = Math.max(1, rows / 4);
        }

        void row() {
            if (++seen % every == 0) {
                peak = Math.max(peak, retained() - base);
            }
        }
    }

    Path csv(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = new BufferedWriter(java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("指标,地区,时期,数值,限定词,备注\r\n");
            long written = 0;
            for (long i = 0; written < bytes; i++) {
                String line = "BB_USERS,65" + (1000 + i % 9000) + ",2025," + i % 100_000 + "." + i % 97 + ",约,县统计局年报\r\n";
                w.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return file;
    }

    long csvGrowth(Path file) throws IOException {
        long rows = lines(file);
        Sampler s = new Sampler(rows);
        long read = CsvFigures.read("f.csv", file, r -> s.row());
        assertThat(read).isEqualTo(rows - 1);
        return s.peak;
    }

    static long lines(Path file) throws IOException {
        try (var l = java.nio.file.Files.lines(file)) {
            return l.count();
        }
    }

    @Test
    void aCsvFile24TimesLargerDoesNotNeedTwiceTheMemory() throws IOException {
        Path small = csv("small.csv", MB);
        Path large = csv("large.csv", 24 * MB);
        long a = csvGrowth(small);
        long b = csvGrowth(large);
        System.out.printf("CSV: %d MB -> %d KB held, %d MB -> %d KB held%n", size(small) / MB, a / 1024, size(large) / MB,
                b / 1024);
        assertThat(b).as("heap held reading %d MB (vs %d KB for 1 MB)", size(large) / MB, a / 1024)
                .isLessThanOrEqualTo(2 * a + NOISE).isLessThan(size(large) / 4);
    }

    Path xlsx(String name, int rows) throws IOException {
        Path file = dir.resolve(name);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true); OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("数据");
            Row header = sheet.createRow(0);
            String[] codes = {"region", "name", "period", "BB_USERS", "FTTH_USERS", "MOBILE_INTERNET_USERS", "INTERNET_PORTS"};
            for (int c = 0; c < codes.length; c++) {
                header.createCell(c).setCellValue(codes[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("65" + (1000 + r % 9000));
                row.createCell(1).setCellValue("县" + r % 9000);
                row.createCell(2).setCellValue(Integer.toString(2000 + r / 9000));
                for (int c = 3; c < codes.length; c++) {
                    row.createCell(c).setCellValue(r * 1.5 + c);
                }
            }
            wb.write(out);
            wb.dispose();
        }
        return file;
    }

    long excelGrowth(Path file, int rows) {
        Sampler s = new Sampler(rows * 4L);
        ExcelFigures.read("f.xlsx", file, Period.Type.YEAR, r -> s.row(), p -> { });
        return s.peak;
    }

    @Test
    void anExcelFile16TimesLargerDoesNotNeedTwiceTheMemory() throws IOException {
        Path small = xlsx("small.xlsx", 12_000);
        Path large = xlsx("large.xlsx", 192_000);
        long a = excelGrowth(small, 12_000);
        long b = excelGrowth(large, 192_000);
        System.out.printf("Excel: %d KB -> %d KB held, %d KB -> %d KB held%n", size(small) / 1024, a / 1024,
                size(large) / 1024, b / 1024);
        assertThat(size(large)).isGreaterThan(12 * size(small));
        assertThat(b).as("heap held reading %d KB (vs %d KB for %d KB)", size(large) / 1024, a / 1024, size(small) / 1024)
                .isLessThanOrEqualTo(2 * a + NOISE);
    }

    @Test
    void aWorkbookWhoseSharedStringsExpandBeyondAnyTemplateIsRefused() throws IOException {
        // a real workbook with its shared strings replaced by 17 million characters of digits: about 8 MB on
        // disk, far under the zip-bomb ratio POI checks, and more text than any template holds
        Path good = xlsx("good.xlsx", 10);
        Path bomb = dir.resolve("bomb.xlsx");
        Random random = new Random(7);
        try (ZipFile in = new ZipFile(good.toFile()); ZipOutputStream out = new ZipOutputStream(java.nio.file.Files.newOutputStream(bomb))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                    int items = 17_000;
                    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\""
                            + items + "\" uniqueCount=\"" + items + "\">");
                    char[] text = new char[1000];
                    for (int i = 0; i < items; i++) {
                        for (int c = 0; c < text.length; c++) {
                            text[c] = (char) ('0' + random.nextInt(10));
                        }
                        w.write("<si><t>");
                        w.write(text);
                        w.write("</t></si>");
                    }
                    w.write("</sst>");
                    w.flush();
                } else {
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        assertThat(size(bomb)).isLessThan(ExcelFigures.MAX_BYTES);
        long base = retained();
        assertThatThrownBy(() -> ExcelFigures.read("bomb.xlsx", bomb, Period.Type.YEAR, r -> { }, p -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.kind()).isEqualTo(ImportProblem.STRINGS_TOO_LARGE)));
        assertThat(retained() - base).as("nothing of it is held after the refusal").isLessThan(NOISE);
    }

    static long size(Path file) {
        return file.toFile().length();
    }
}
