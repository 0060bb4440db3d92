package org.yardstick.observation.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Workbooks that test the Excel reader at its edges: formulas, error values, merged cells, hidden,
 * empty and extra sheets, dates in the period and value columns, huge and negative numbers, and a
 * sheet of 1,048,576 rows. Also the seeds of the fuzz tests ({@link #main} writes them).
 */
public final class ExcelSamples {

    private ExcelSamples() {}

    /** The template's two header rows over the demo data set's first three indicators. */
    static Sheet data(Workbook wb) {
        Sheet s = wb.createSheet("数据");
        Row codes = s.createRow(0);
        String[] c = {"region", "name", "period", "BB_USERS", "FTTH_USERS", "MOBILE_INTERNET_USERS"};
        for (int i = 0; i < c.length; i++) {
            codes.createCell(i).setCellValue(c[i]);
        }
        Row names = s.createRow(1);
        names.createCell(0).setCellValue("地区代码");
        names.createCell(1).setCellValue("地区名称");
        names.createCell(2).setCellValue("时期");
        names.createCell(3).setCellValue("互联网宽带接入用户 (万户)");
        return s;
    }

    static Row row(Sheet s, int index, Object region, Object period, Object... values) {
        Row r = s.createRow(index);
        set(r, 0, region);
        r.createCell(1).setCellValue("天山区");
        set(r, 2, period);
        for (int i = 0; i < values.length; i++) {
            set(r, 3 + i, values[i]);
        }
        return r;
    }

    private static void set(Row r, int col, Object v) {
        if (v instanceof Number n) {
            r.createCell(col).setCellValue(n.doubleValue());
        } else if (v instanceof LocalDate d) {
            var cell = r.createCell(col);
            cell.setCellValue(d);
            CellStyle style = r.getSheet().getWorkbook().createCellStyle();
            style.setDataFormat(r.getSheet().getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
            cell.setCellStyle(style);
        } else if (v != null) {
            r.createCell(col).setCellValue(v.toString());
        }
    }

    static byte[] good() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            Sheet s = data(wb);
            row(s, 2, "650102", "2025", 12.5, 1024, null);
            row(s, 3, 650102, 2025, null, null, -3);
        });
    }

    static byte[] formula() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            Sheet s = data(wb);
            row(s, 2, "650102", "2025", 1).createCell(4).setCellFormula("D3*2");
        });
    }

    static byte[] errorValue() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            Sheet s = data(wb);
            row(s, 2, "650102", "2025").createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
        });
    }

    static byte[] merged() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            Sheet s = data(wb);
            row(s, 2, "650102", "2025", 1, 2);
            row(s, 3, null, "2024", 1, 2);
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
        });
    }

    static byte[] hiddenSheet() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            row(data(wb), 2, "650102", "2025", 1);
            wb.createSheet("secret").createRow(0).createCell(0).setCellValue("x");
            wb.setSheetHidden(1, true);
        });
    }

    static byte[] extraSheet() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            row(data(wb), 2, "650102", "2025", 1);
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("instructions are not read");
            wb.createSheet("empty");
            wb.createSheet("more").createRow(4).createCell(2).setCellValue(5);
        });
    }

    static byte[] emptySheet() {
        return org.yardstick.observation.imports.Files.workbook(wb -> wb.createSheet("数据"));
    }

    static byte[] headerOnly() {
        return org.yardstick.observation.imports.Files.workbook(ExcelSamples::data);
    }

    static byte[] dates() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            Sheet s = data(wb);
            row(s, 2, "650102", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 15));
            row(s, 3, "650103", LocalDate.of(2025, 3, 15), 1);
        });
    }

    static byte[] numbers() {
        return org.yardstick.observation.imports.Files.workbook(wb -> {
            Sheet s = data(wb);
            row(s, 2, "650102", "2025", 1e300, -1e300, -0.000000001);
            row(s, 3, "650103", "2025", 0.1 + 0.2, 123456789012345678.0, "1,234.5");
        });
    }

    /** A sheet of 1,048,576 rows (Excel's maximum), streamed to a file: it must be refused by the row limit. */
    static Path maximalSheet(Path dir) {
        Path file = dir.resolve("maximal.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("数据");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("region");
            h.createCell(1).setCellValue("period");
            h.createCell(2).setCellValue("BB_USERS");
            for (int i = 1; i < 1_048_576; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("650102");
                r.createCell(1).setCellValue("2025");
                r.createCell(2).setCellValue(i);
            }
            wb.write(out);
            wb.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Every sample by name: the seeds of the Excel fuzz test. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("good", good());
        all.put("formula", formula());
        all.put("error-value", errorValue());
        all.put("merged", merged());
        all.put("hidden-sheet", hiddenSheet());
        all.put("extra-sheet", extraSheet());
        all.put("empty-sheet", emptySheet());
        all.put("header-only", headerOnly());
        all.put("dates", dates());
        all.put("numbers", numbers());
        all.put("xssf-empty", org.yardstick.observation.imports.Files.workbook(wb -> { }));
        return all;
    }

    /** Writes the fuzz seeds into the test resources (run once when a sample is added). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "src/test/resources/org/yardstick/observation/imports/ImportParsersFuzzTestInputs/excel");
        Files.createDirectories(dir);
        for (var e : all().entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".xlsx"), e.getValue());
        }
    }
}
