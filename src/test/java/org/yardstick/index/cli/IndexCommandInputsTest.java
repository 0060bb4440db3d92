package org.yardstick.index.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch command's inputs (GBK, GB18030, long data, renamed columns) and outputs (wide, long, report). */
class IndexCommandInputsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static final String SPEC = """
            index: {code: T, name_zh: 测试指数, name_en: Test index}
            data: {unit: 地区, period: 年份, group: 区域}
            method:
              impute: {method: [linear_interpolation, group_mean], max_gap: 3}
              reference: {units: [全国]}
            aggregates:
              - {code: T, name_zh: 测试指数, name_en: Test}
            indicators:
              - {code: broadband, name_zh: 宽带普及率, name_en: Broadband, parent: T, column: "宽带 普及率"}
              - {code: erp, name_zh: ERP普及率, name_en: ERP, parent: T, column: "ERP adoption %"}
            """;

    static final String WIDE = """
            地区,年份,区域,宽带 普及率,ERP adoption %
            乌鲁木齐市,2010,北疆,10,40
            克拉玛依市,2010,北疆,20,50
            喀什地区,2010,南疆,5,20
            全国,2010,,30,60
            乌鲁木齐市,2012,北疆,,44
            克拉玛依市,2012,北疆,26,52
            喀什地区,2012,南疆,8,NA
            全国,2012,,33,61
            乌鲁木齐市,2013,北疆,16,45
            克拉玛依市,2013,北疆,30,55
            喀什地区,2013,南疆,9,26
            全国,2013,,35,62
            """;

    private int run(String... args) {
        return IndexCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(charset));
        return p;
    }

    private List<String> compute(Path data) throws IOException {
        Path spec = write("spec.yaml", SPEC, StandardCharsets.UTF_8);
        Path scores = dir.resolve("scores.csv");
        int code = run("index", "compute", "--spec", spec.toString(), "--data", data.toString(), "--out",
                scores.toString(), "--long", dir.resolve("long.csv").toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return Files.readAllLines(scores, StandardCharsets.UTF_8);
    }

    @Test
    void readsGbkAndGb18030AsUtf8AndMapsColumnNamesWithSpaces() throws IOException {
        List<String> utf8 = compute(write("utf8.csv", WIDE, StandardCharsets.UTF_8));
        List<String> gbk = compute(write("gbk.csv", WIDE, Charset.forName("GBK")));
        List<String> gb18030 = compute(write("gb18030.csv", WIDE, Charset.forName("GB18030")));
        assertThat(gbk).isEqualTo(utf8);
        assertThat(gb18030).isEqualTo(utf8);
        assertThat(utf8.get(0)).isEqualTo("地区,年份,T,T_rank,broadband,broadband_rank,erp,erp_rank");
        assertThat(utf8).hasSize(13);
        // 乌鲁木齐市 2012 broadband: interpolated by years, 10 + (16 − 10)·2/3 = 14; 喀什 2012 erp: 20 + 6·2/3 = 24
        // 全国 is scored but not ranked, and is not a bound: its scores lie above 100
        String nation = utf8.stream().filter(l -> l.startsWith("全国,2010")).findFirst().orElseThrow();
        assertThat(nation.split(",", -1)[3]).isEmpty();
        assertThat(Double.parseDouble(nation.split(",", -1)[2])).isGreaterThan(100);
    }

    @Test
    void longDataGiveTheSameScoresAsWideAndTheReportCountsTheImputation() throws IOException {
        List<String> wide = compute(write("wide.csv", WIDE, StandardCharsets.UTF_8));
        StringBuilder longText = new StringBuilder("地区,年份,区域,指标,值,单位\n");
        for (String line : WIDE.strip().lines().skip(1).toList()) {
            String[] c = line.split(",", -1);
            longText.append(String.join(",", c[0], c[1], c[2], "宽带 普及率", c[3], "%")).append('\n');
            longText.append(String.join(",", c[0], c[1], c[2], "erp", c[4], "%")).append('\n');
        }
        Path spec = write("long.yaml", SPEC.replace("data: {unit: 地区, period: 年份, group: 区域}",
                "data: {unit: 地区, period: 年份, group: 区域, indicator: 指标, value: 值, labels: [单位]}"),
                StandardCharsets.UTF_8);
        Path scores = dir.resolve("from-long.csv");
        int code = run("index", "compute", "--spec", spec.toString(), "--data",
                write("long-data.csv", longText.toString(), Charset.forName("GBK")).toString(), "--out", scores.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(scores, StandardCharsets.UTF_8)).isEqualTo(wide);
        List<String> report = Files.readAllLines(dir.resolve("from-long-imputation.csv"), StandardCharsets.UTF_8);
        assertThat(report).contains("missing,broadband,,1,,", "filled,broadband,linear_interpolation,1,,",
                "filled,erp,linear_interpolation,1,,", "still_missing,erp,,0,,");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imputation: 2 cell(s) missing, filled linear_interpolation 2");
    }

    @Test
    void theLongFileHoldsTheWideFilesNumbersExactly() throws IOException {
        List<String> wide = compute(write("wide.csv", WIDE, StandardCharsets.UTF_8));
        List<String> longLines = Files.readAllLines(dir.resolve("long.csv"), StandardCharsets.UTF_8);
        assertThat(longLines.get(0)).isEqualTo("地区,年份,node,score,rank,reference");
        String[] header = wide.get(0).split(",");
        for (String line : wide.subList(1, wide.size())) {
            String[] w = line.split(",", -1);
            for (int k = 2; k < header.length; k += 2) {
                String prefix = w[0] + "," + w[1] + "," + header[k] + ",";
                String l = longLines.stream().filter(x -> x.startsWith(prefix)).findFirst().orElseThrow();
                String[] c = l.split(",", -1);
                assertThat(Double.parseDouble(c[3])).isCloseTo(Double.parseDouble(w[k]), within(0.0));
                assertThat(c[4]).isEqualTo(w[k + 1]);
            }
        }
    }

    @Test
    void badLongRowsAreRefusedWithTheirRowAndNothingIsWritten() throws IOException {
        Path spec = write("long.yaml", SPEC.replace("data: {unit: 地区, period: 年份, group: 区域}",
                "data: {unit: 地区, period: 年份, indicator: 指标, value: 值}"), StandardCharsets.UTF_8);
        Path data = write("bad.csv", "地区,年份,指标,值\n甲,2010,erp,1\n甲,2010,erp,2\n甲,2010,unknown,3\n乙,2010,erp,x\n",
                Charset.forName("GBK"));
        Path scores = dir.resolve("s.csv");
        assertThat(run("index", "compute", "--spec", spec.toString(), "--data", data.toString(), "--out",
                scores.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csv:4:指标: is not an indicator");
        assertThat(scores).doesNotExist();
        Path binary = dir.resolve("binary.csv");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, 0x00});
        assertThat(run("index", "compute", "--spec", spec.toString(), "--data", binary.toString(), "--out",
                scores.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("binary.csv: ", "is not text in UTF-8, GBK or GB18030");
    }
}
