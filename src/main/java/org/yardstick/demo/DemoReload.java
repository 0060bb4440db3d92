package org.yardstick.demo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar yardstick.jar demo reload --yes}: erases the configured database, recreates its
 * schema and loads the demo dataset. Without {@code --yes} it only says what it would do.
 */
public final class DemoReload {

    private DemoReload() {}

    /** Runs the command; returns the process exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        boolean confirmed = Arrays.asList(args).contains("--yes");
        if (!confirmed) {
            out.println("demo reload ERASES every table of the configured database (spring.datasource.url),");
            out.println("recreates the schema and loads the demo dataset. Run again with --yes to do it.");
            return 1;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // erase and recreate the schema where Flyway would otherwise migrate it at start-up: this also
        // works on a database whose schema Flyway does not recognise
        FlywayMigrationStrategy eraseAndRecreate = flyway -> {
            flyway.clean();
            flyway.migrate();
        };
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("demoReloadMigration", eraseAndRecreate));
        // as command-line arguments, these win over application.properties
        String[] springArgs = Stream.concat(
                        Arrays.stream(args).filter(a -> a.startsWith("--") && !a.equals("--yes")),
                        Stream.of("--yardstick.demo.load-on-empty=false", "--yardstick.regions.initial-root=",
                                "--spring.flyway.clean-disabled=false"))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            DemoData.Summary summary = context.getBean(DemoData.class).load();
            out.println("demo reloaded: " + summary);
            return 0;
        }
    }
}
