package org.yardstick.observation.imports.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.yardstick.observation.imports.CsvFigures;
import org.yardstick.observation.imports.ExcelFigures;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Memory of the import readers against file size (run by {@code bench/import-memory.sh}, on the CI
 * heap of 1 GB): generates long-form CSV files of 1, 16, 64 and 240 MB (2 million rows, the limit) and Excel templates of 12,000
 * to 192,000 rows on disk, reads each with the import's streaming readers, and prints the heap held
 * (sampled after full collections while the rows are read) per size and its ratio to the smallest;
 * then a workbook whose shared-strings part inflates to 600 MB (below POI's zip-bomb ratio), which
 * must be refused without exhausting the heap. Files go to a temporary directory and are deleted.
 */
public final class ImportMemoryBench {

    static final long MB = 1024 * 1024;

    private ImportMemoryBench() {}

    static long retained() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("import-memory-");
        try {
            System.out.printf("heap max %d MB%n", Runtime.getRuntime().maxMemory() / MB);
            System.out.println("| CSV file | rows | heap held while reading | ratio to 1 MB |");
            long first = 0;
            for (long size : new long[] {1, 16, 64, 240}) {
                Path f = csv(dir.resolve("f.csv"), size * MB);
                long base = retained();
                long[] peak = {0};
                long[] seen = {0};
                long every = size * MB / 150 / 4;
                long rows = CsvFigures.read("f.csv", f, r -> {
                    if (++seen[0] % every == 0) {
                        peak[0] = Math.max(peak[0], retained() - base);
                    }
                });
                first = first == 0 ? Math.max(peak[0], 1) : first;
                System.out.printf("| %d MB | %,d | %,d KB | %.2f |%n", Files.size(f) / MB, rows, peak[0] / 1024,
                        (double) peak[0] / first);
                Files.delete(f);
            }
            System.out.println("| Excel file | rows | heap held while reading | ratio to the smallest |");
            first = 0;
            for (int rows : new int[] {12_000, 48_000, 192_000}) {
                Path f = xlsx(dir.resolve("f.xlsx"), rows);
                long base = retained();
                long[] peak = {0};
                long[] seen = {0};
                long every = rows;
                ExcelFigures.read("f.xlsx", f, Period.Type.YEAR, r -> {
                    if (++seen[0] % every == 0) {
                        peak[0] = Math.max(peak[0], retained() - base);
                    }
                }, p -> { });
                first = first == 0 ? Math.max(peak[0], 1) : first;
                System.out.printf("| %,d KB | %,d | %,d KB | %.2f |%n", Files.size(f) / 1024, rows, peak[0] / 1024,
                        (double) peak[0] / first);
                Files.delete(f);
            }
            Path bomb = bomb(dir, 600);
            long base = retained();
            try {
                ExcelFigures.read("bomb.xlsx", bomb, Period.Type.YEAR, r -> { }, p -> { });
                System.out.println("shared-strings bomb: READ (unexpected)");
            } catch (InvalidInputException e) {
                System.out.printf("shared-strings bomb (%d MB file, 600 M characters of shared strings): refused (%s), heap held after: %,d KB%n",
                        Files.size(bomb) / MB, e.problems().get(0).kind(), (retained() - base) / 1024);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** A long-form CSV of at least {@code bytes} bytes, rows of one indicator over counties and periods. */
    public static Path csv(Path file, long bytes) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("指标,地区,时期,数值,限定词,备注\r\n");
            long written = 0;
            for (long i = 0; written < bytes; i++) {
                String line = "BB_USERS,65" + (1000 + i % 9000) + ",2025," + i % 100_000 + "." + i % 97
                        + ",约,县统计局年报（含各乡镇汇总数据，口径与上年一致）source: county statistical yearbook " + i % 1000 + "\r\n";
                w.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return file;
    }

    /** An import template workbook of {@code rows} rows, written by POI's streaming writer. */
    public static Path xlsx(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true); OutputStream out = Files.newOutputStream(file)) {
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

    /** A real workbook whose shared strings are replaced by {@code mb} M characters of words that compress about 20 times. */
    public static Path bomb(Path dir, int mb) throws IOException {
        Path good = xlsx(dir.resolve("good.xlsx"), 10);
        Path bomb = dir.resolve("bomb.xlsx");
        Random random = new Random(7);
        String[] words = {"乌鲁木齐", "Xinjiang", "informatization", "宽带用户", "光纤", "移动互联网", "端口", "county", "年报",
            "statistics", "网络", "region", "计划", "monitoring", "evaluation", "指标"};
        try (ZipFile in = new ZipFile(good.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                    // 24 different strings of 100 words, repeated at random: deflate gains about 20 times, well
                    // above the 1 % POI's zip-bomb check refuses
                    String[] items = new String[24];
                    for (int k = 0; k < items.length; k++) {
                        StringBuilder item = new StringBuilder("<si><t>");
                        for (int i = 0; i < 100; i++) {
                            item.append(words[random.nextInt(words.length)]).append(' ');
                        }
                        items[k] = item.append("</t></si>").toString();
                    }
                    long chars = 0;
                    while (chars < mb * MB) {
                        String item = items[random.nextInt(items.length)];
                        w.write(item);
                        chars += item.length();
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
        return bomb;
    }
}
