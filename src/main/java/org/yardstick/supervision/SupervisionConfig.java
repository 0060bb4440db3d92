package org.yardstick.supervision;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock supervision reads the day from; tests build services with a fixed one. */
@Configuration(proxyBeanMethods = false)
class SupervisionConfig {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(SupervisionSettings settings) {
        return Clock.system(settings.zone());
    }
}
