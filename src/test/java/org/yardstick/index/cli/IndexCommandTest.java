package org.yardstick.index.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return IndexCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void computesTheAsemExampleAsTheReadmeSays() throws IOException {
        Path result = dir.resolve("asem-scores.csv");
        Path stages = dir.resolve("stages");
        int code = run("index", "compute", "--spec", "examples/asem/spec.yaml", "--data", "examples/asem/data.csv",
                "--out", result.toString(), "--stages", stages.toString());
        assertThat(code).as(errors()).isZero();
        List<String> lines = Files.readAllLines(result);
        assertThat(lines).hasSize(52);
        assertThat(lines.get(0)).startsWith("UnitCode,Year,Index,Index_rank,Conn,Conn_rank,Sust,Sust_rank,");
        String che = lines.stream().filter(l -> l.startsWith("CHE,")).findFirst().orElseThrow();
        assertThat(che).startsWith("CHE,2018,68.38").contains(",1,"); // Results_AggregatesScore: 68.38, rank 1
        assertThat(Files.list(stages).map(p -> p.getFileName().toString()).toList()).contains(
                "denominated.csv", "imputed.csv", "treated.csv", "normalised.csv", "aggregated.csv", "treatment.csv",
                "treatment-flags.csv", "excluded.csv");
        for (Path f : Files.list(stages).toList()) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain("NaN", "Infinity");
        }
        assertThat(Files.readString(result)).doesNotContain("NaN", "Infinity");
    }

    @Test
    void badInputExitsWithTwoPrintingEveryProblemAsFileLineColumnAndWritesNothing() throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                index: {code: T, name_zh: 测试指数, name_en: Test index}
                data: {unit: unit, period: year}
                aggregates:
                  - {code: I, name_zh: 总指数, name_en: Index}
                indicators:
                  - {code: a, name_zh: 甲, name_en: A, parent: I}
                  - {code: b, name_zh: 乙, name_en: B, parent: I}
                """);
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "\uFEFFunit,year,a,b\nx,2020,1,abc\ny,2020,zwei,20\nz,2020,3,40\n");
        Path result = dir.resolve("out.csv");
        int code = run("index", "compute", "--spec", spec.toString(), "--data", data.toString(), "--out", result.toString());
        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains("data.csv:2:b: is not a number", "(value: \"abc\")",
                "data.csv:3:a: is not a number", "2 problem(s); nothing written");
        assertThat(result).doesNotExist();
    }

    @Test
    void usageMistakesExitWithTwoAndTheUsage() {
        assertThat(run("index", "compute", "--spec", "x.yaml")).isEqualTo(2);
        assertThat(errors()).contains("missing --data", "usage: index compute");
        assertThat(run("index", "explode")).isEqualTo(2);
        assertThat(run("index", "compute", "--speck", "x")).isEqualTo(2);
        assertThat(errors()).contains("unknown option: --speck");
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThat(run("compute", "--spec", dir.resolve("none.yaml").toString(), "--data", "d.csv", "--out", "o.csv"))
                .isEqualTo(2);
        assertThat(errors()).contains("none.yaml");
    }
}
