package org.yardstick.observation.imports.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yardstick.MapFileSet;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.DataSetFiles;
import org.yardstick.observation.DataSets;

/**
 * The seeded generator of the import benchmark (and of tests that need volume); never part of the
 * demo. It adds {@value #INDICATORS} indicators of its own ({@code BENCH_01} …), a monthly county
 * data set {@value #DATA_SET} whose twelve months of {@value #YEAR} are open around today, and
 * writes long-form CSV rows over the real county-level regions of the NBS hierarchy: county ×
 * indicator × month, in that order, until the number of rows asked for. The same seed gives the
 * same file.
 */
public final class BenchData {

    public static final String DATA_SET = "bench-county-monthly";
    public static final int INDICATORS = 28;
    public static final int YEAR = 2026;

    private BenchData() {}

    public static String indicator(int i) {
        return String.format("BENCH_%02d", i + 1);
    }

    /** Adds the bench's indicators and data set, unless they are there already. */
    public static void setUp(FrameworkFiles frameworks, DataSetFiles dataSetFiles, DataSets dataSets, LocalDate today) {
        if (dataSets.find(DATA_SET).isPresent()) {
            return;
        }
        StringBuilder indicators = new StringBuilder("indicators:\n");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < INDICATORS; i++) {
            indicators.append("  - code: ").append(indicator(i)).append('\n')
                    .append("    name_zh: 基准指标").append(i + 1).append('\n')
                    .append("    name_en: Benchmark indicator ").append(i + 1).append('\n')
                    .append("    unit_zh: 个\n    unit_en: items\n    polarity: positive\n    aggregation: sum\n")
                    .append("    nature: expected\n    decimals: 2\n")
                    .append("    description_zh: 导入基准测试生成的指标\n")
                    .append("    description_en: Generated for the import benchmark\n");
            items.append("      - ").append(indicator(i)).append('\n');
        }
        StringBuilder windows = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            windows.append(String.format("      - {period: \"%d-%02d\", opens: %s, closes: %s}%n", YEAR, m,
                    today.minusYears(1), today.plusYears(1)));
        }
        String dataSet = "data_sets:\n  - code: " + DATA_SET + "\n    name_zh: 导入基准数据集\n"
                + "    name_en: Import benchmark data set\n    region_level: county\n    period_type: month\n"
                + "    indicators:\n" + items + "    windows:\n" + windows;
        MapFileSet files = new MapFileSet().with("indicators.yaml", indicators.toString()).with("data-sets.yaml", dataSet);
        frameworks.load(files, "bench");
        dataSetFiles.load(files);
    }

    /** The county-level regions (code and id), by code. */
    public static List<Map.Entry<String, Long>> counties(JdbcTemplate jdbc) {
        return jdbc.query("select code, id from region where level = 'COUNTY' order by code",
                (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)));
    }

    /** One generated figure. */
    public record Figure(String indicator, String region, String period, String value) {}

    /** Calls {@code sink} for {@code rows} figures, seeded. */
    public static void generate(List<Map.Entry<String, Long>> counties, long rows, long seed,
                                java.util.function.Consumer<Figure> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long n = 0;
        for (Map.Entry<String, Long> county : counties) {
            for (int i = 0; i < INDICATORS; i++) {
                for (int m = 1; m <= 12; m++) {
                    if (n++ >= rows) {
                        return;
                    }
                    long cents = random.nextLong(100, 100_000_000);
                    sink.accept(new Figure(indicator(i), county.getKey(), String.format("%d-%02d", YEAR, m),
                            cents / 100 + "." + String.format("%02d", cents % 100)));
                }
            }
        }
    }

    /** Writes the long-form CSV the import reads. */
    public static void writeCsv(Path file, List<Map.Entry<String, Long>> counties, long rows, long seed) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("indicator,region,period,value,qualifier,comment\n");
            generate(counties, rows, seed, f -> {
                try {
                    out.write(f.indicator() + "," + f.region() + "," + f.period() + "," + f.value() + ",,\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
