package org.yardstick.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yardstick.shared.TableDownload.Column;
import org.yardstick.shared.TableDownload.Format;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one table writer of downloads: the same table in CSV, Excel and JSON, precise and safe to open. */
class TableDownloadTest {

    static final TableDownload TABLE = new TableDownload("t", List.of(Column.text("region", "地区"),
            Column.text("note", "说明"), Column.number("value", "数值")),
            Map.of("licence", "CC BY 4.0"), sink -> {
                sink.accept(new Object[] {"650102", "=HYPERLINK(\"http://x\")", new BigDecimal("1234567890123.12345678")});
                sink.accept(new Object[] {"650103", "甲,乙", new BigDecimal("-0.50000000")});
                sink.accept(new Object[] {"650104", null, null});
            });

    static byte[] write(Format f, boolean bom) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TABLE.write(f, bom, out);
        return out.toByteArray();
    }

    @Test
    void csvKeepsFullPrecisionQuotesAndGuardsFormulas() throws Exception {
        String csv = new String(write(Format.CSV, false), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("region,note,value\r\n"
                + "650102,\"'=HYPERLINK(\"\"http://x\"\")\",1234567890123.12345678\r\n"
                + "650103,\"甲,乙\",-0.5\r\n"
                + "650104,,\r\n");
    }

    @Test
    void csvForExcelStartsWithAByteOrderMark() throws Exception {
        byte[] bytes = write(Format.CSV, true);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(write(Format.CSV, false)[0]).isEqualTo((byte) 'r');
    }

    @Test
    void excelHasAFormattedHeaderNumbersAndAMetadataSheet() throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(Format.XLSX, false)))) {
            Sheet data = wb.getSheet("data");
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("region");
            assertThat(data.getRow(1).getCell(2).getStringCellValue()).isEqualTo("数值");
            assertThat(wb.getFontAt(data.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(data.getRow(2).getCell(1).getStringCellValue()).startsWith("'=");
            // 21 significant digits do not fit a double: kept as text, not rounded
            assertThat(data.getRow(2).getCell(2).getStringCellValue()).isEqualTo("1234567890123.12345678");
            assertThat(data.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(-0.5);
            assertThat(data.getRow(4).getCell(1)).isNull();
            Sheet meta = wb.getSheet("metadata");
            assertThat(meta.getRow(0).getCell(0).getStringCellValue()).isEqualTo("licence");
            assertThat(meta.getRow(0).getCell(1).getStringCellValue()).isEqualTo("CC BY 4.0");
        }
    }

    @Test
    void jsonHasMetadataColumnsAndRowsWithExactNumbers() throws Exception {
        JsonNode root = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(write(Format.JSON, false));
        assertThat(root.get("metadata").get("licence").asString()).isEqualTo("CC BY 4.0");
        assertThat(root.get("columns")).hasSize(3);
        assertThat(root.get("rows")).hasSize(3);
        assertThat(root.get("rows").get(0).get("value").decimalValue()).isEqualByComparingTo("1234567890123.12345678");
        assertThat(root.get("rows").get(0).get("note").asString()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(root.get("rows").get(2).get("value").isNull()).isTrue();
    }

    @Test
    void formatsAreNamedByTheirExtensionOnly() {
        assertThat(Format.of("CSV")).contains(Format.CSV);
        assertThat(Format.of("xlsx")).contains(Format.XLSX);
        assertThat(Format.of("pdf")).isEmpty();
        assertThat(Format.of(null)).isEmpty();
    }

    @Test
    void rowsAreProducedAgainForEveryWrite() throws Exception {
        assertThat(write(Format.CSV, false)).isEqualTo(write(Format.CSV, false));
    }
}
