package org.yardstick;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole application on the test database (H2 in memory, or PostgreSQL when
 * {@code SPRING_DATASOURCE_URL} is set), with the demo loaded. All such tests share one application
 * context, so the demo is loaded once per run. The clock is a {@link TestClock}; after each test
 * {@link ResetTestState} sets it back and signs the test's thread out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
@ExtendWith(ResetTestState.class)
public @interface YardstickTest {}
