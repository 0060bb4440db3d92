package org.yardstick.observation.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.yardstick.framework.Indicator;
import org.yardstick.observation.DataSet;
import org.yardstick.region.Region;
import org.yardstick.shared.Period;

/**
 * Writes the Excel template of a data set (streaming, so a country's worth of rows fits): a data
 * sheet with the column codes in row 1 and their names in row 2, one row per region and open
 * period with the stored values, and an instructions sheet.
 */
final class ExcelTemplate {

    private ExcelTemplate() {}

    static void write(DataSet ds, List<Indicator> indicators, List<Region> regions, List<Period> periods,
                      BiFunction<Region, Period, BigDecimal @Nullable []> values, Locale locale, MessageSource messages,
                      OutputStream out) {
        write(ds, indicators.stream().map(i -> new Column(i, "", "")).toList(), regions, periods, values, locale, messages,
                out, true);
    }

    /**
     * A value column: an indicator's total, or one of its categories (分组), whose header is
     * {@code CODE.category} and whose name says the category after the indicator's.
     */
    record Column(Indicator indicator, String category, String categoryName) {}

    static void write(DataSet ds, List<Column> columns, List<Region> regions, List<Period> periods,
                      BiFunction<Region, Period, BigDecimal @Nullable []> values, Locale locale, MessageSource messages,
                      OutputStream out, boolean unused) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle code = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            code.setFont(bold);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Sheet data = wb.createSheet(text(messages, "imports.template.sheet", locale));
            Row codes = data.createRow(0);
            Row names = data.createRow(1);
            String[] fixed = {"region", "name", "period"};
            String[] fixedNames = {text(messages, "imports.template.region", locale),
                text(messages, "imports.template.name", locale), text(messages, "imports.template.period", locale)};
            for (int i = 0; i < 3; i++) {
                codes.createCell(i).setCellValue(fixed[i]);
                codes.getCell(i).setCellStyle(code);
                names.createCell(i).setCellValue(fixedNames[i]);
                data.setDefaultColumnStyle(i, text);
            }
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                Indicator ind = col.indicator();
                codes.createCell(3 + i).setCellValue(col.category().isEmpty() ? ind.code() : ind.code() + "." + col.category());
                codes.getCell(3 + i).setCellStyle(code);
                String unit = ind.unit().in(locale);
                names.createCell(3 + i).setCellValue(ind.name().in(locale) + (unit.isBlank() ? "" : " (" + unit + ")")
                        + (col.category().isEmpty() ? "" : " · " + col.categoryName()));
            }
            data.createFreezePane(3, 2);
            int r = 2;
            for (Region region : regions) {
                for (Period p : periods) {
                    Row row = data.createRow(r++);
                    row.createCell(0).setCellValue(region.code());
                    row.createCell(1).setCellValue(region.name().in(locale));
                    row.createCell(2).setCellValue(p.code());
                    for (int i = 0; i < 3; i++) {
                        row.getCell(i).setCellStyle(text);
                    }
                    BigDecimal[] v = values.apply(region, p);
                    if (v != null) {
                        for (int i = 0; i < v.length; i++) {
                            if (v[i] == null) {
                                continue;
                            }
                            BigDecimal d = v[i].stripTrailingZeros();
                            if (d.precision() > 15) {
                                // more digits than an Excel number holds: as text, so that the file carries the figure
                                // exactly and uploading it back unchanged changes nothing
                                row.createCell(3 + i).setCellValue(d.toPlainString());
                            } else {
                                row.createCell(3 + i).setCellValue(d.doubleValue());
                            }
                        }
                    }
                }
            }
            Sheet help = wb.createSheet(locale.getLanguage().equals("zh") ? "说明" : "Instructions");
            String[] lines = text(messages, "imports.template.help", locale, ds.code()).split("\\n");
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            wb.write(out);
            wb.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(MessageSource messages, String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
