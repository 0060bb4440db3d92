package org.yardstick.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo into an empty database when the application starts. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoOnStartup implements ApplicationRunner {

    private final DemoData demo;

    DemoOnStartup(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.loadIfEmpty();
    }
}
