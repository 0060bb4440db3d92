package org.yardstick.observation.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

/** Files for import tests: CSV text in an encoding, workbooks built with POI; and what they stored. */
public final class Files {

    private Files() {}

    public static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] utf8WithBom(String text) {
        byte[] body = utf8(text);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    public static byte[] gbk(String text) {
        return text.getBytes(Charset.forName("GBK"));
    }

    /** The stored level of a figure (any status), or null. */
    public static BigDecimal value(JdbcTemplate jdbc, String indicator, String region, String period) {
        List<BigDecimal> v = jdbc.queryForList("""
                select o.obs_value from observation o join indicator i on i.id = o.indicator_id
                join region r on r.id = o.region_id where i.code = ? and r.code = ? and o.period = ? and o.measure = 'LEVEL'""",
                BigDecimal.class, indicator, region, period);
        return v.isEmpty() ? null : v.get(0);
    }

    public static byte[] workbook(Consumer<XSSFWorkbook> fill) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
