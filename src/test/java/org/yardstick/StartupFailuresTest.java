package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stops with a clear message on a malformed demo file or an unreachable database. */
class StartupFailuresTest {

    /** Starts the application with these settings as command-line arguments, which override every other source. */
    static Throwable start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return catchThrowable(() -> new SpringApplicationBuilder(YardstickApplication.class)
                .web(WebApplicationType.NONE).run(args).close());
    }

    @Test
    void aMalformedDemoFileStopsStartUpNamingFileLineAndField() {
        Throwable failure = start(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:broken-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", "",
                "yardstick.demo.location", "classpath:broken-demo/"));
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new StartupFailures().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("broken-demo/indicators.yaml:7: indicators[1].polarity: must be one of: positive, negative")
                .contains("broken-demo/plans/broken.yaml:15: targets[1].indicator: is not a known indicator code");
        assertThat(analysis.getAction()).contains("docs/framework-files.md");
    }

    @Test
    void anUnreachableDatabaseFailsFastWithAClearMessage() {
        Throwable failure = start(Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/yardstick",
                "spring.datasource.username", "nobody", "spring.datasource.password", "x"));
        FailureAnalysis analysis = new StartupFailures().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("The database cannot be reached");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }
}
