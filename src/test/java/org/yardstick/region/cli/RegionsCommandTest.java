package org.yardstick.region.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.yardstick.YardstickApplication;

/** The command's usage errors answer exit code 2 with the usage, before anything is started. */
class RegionsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RegionsCommand.run(YardstickApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutFilesOrWithAnUnknownCommandItPrintsTheUsage() {
        assertThat(run("regions")).isEqualTo(RegionsCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: regions import-divisions FILE...");
        assertThat(run("regions", "import-divisions")).isEqualTo(RegionsCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no files");
        assertThat(run("regions", "export")).isEqualTo(RegionsCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: export");
    }

    @Test
    void aFileThatCannotBeReadIsNamed() {
        assertThat(run("regions", "import-divisions", "/nonexistent/villages.csv.gz")).isEqualTo(RegionsCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/nonexistent/villages.csv.gz: cannot be read");
        assertThat(out.size()).isZero();
    }
}
