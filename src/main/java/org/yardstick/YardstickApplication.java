package org.yardstick;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Yardstick: monitoring and evaluation of development plans (信息化规划监测评估平台).
 *
 * <p>One root package per capability; see {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class YardstickApplication {

    public static void main(String[] args) {
        SpringApplication.run(YardstickApplication.class, args);
    }
}
