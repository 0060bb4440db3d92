package org.yardstick;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.yardstick.demo.DemoReload;
import org.yardstick.index.cli.IndexCommand;
import org.yardstick.region.cli.RegionsCommand;

/**
 * Yardstick: monitoring and evaluation of development plans (信息化规划监测评估平台).
 *
 * <p>One root package per capability; see {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YardstickApplication {

    /**
     * The clock everything that depends on today's date reads (collection windows, deadlines,
     * alerts), in the platform's time zone ({@code yardstick.time-zone}, default Asia/Shanghai).
     * Tests replace it with a fixed clock.
     */
    @Bean
    Clock clock(@Value("${yardstick.time-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    /**
     * Starts the platform; or, with a command as first arguments, runs that command and exits:
     * {@code demo reload --yes} (erase the database and load the demo); {@code index compute …}
     * (compute a composite index from files, without starting the platform; see examples/asem);
     * {@code regions import-divisions FILE...} (import official division files; docs/operations.md).
     */
    public static void main(String[] args) {
        if (args.length >= 1 && args[0].equals("index")) {
            System.exit(IndexCommand.run(args, System.out, System.err));
        }
        if (args.length >= 2 && args[0].equals("demo") && args[1].equals("reload")) {
            System.exit(DemoReload.run(YardstickApplication.class, args, System.out));
        }
        if (args.length >= 1 && args[0].equals("regions")) {
            System.exit(RegionsCommand.run(YardstickApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(YardstickApplication.class, args);
    }
}
