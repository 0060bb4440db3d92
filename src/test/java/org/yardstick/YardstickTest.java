package org.yardstick;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole application on the test database (H2 in memory, or PostgreSQL when
 * {@code SPRING_DATASOURCE_URL} is set), with the demo loaded. All such tests share one application
 * context, so the demo is loaded once per run. The clock is a {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
public @interface YardstickTest {}
