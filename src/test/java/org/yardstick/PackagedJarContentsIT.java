package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar carries no test tooling: no browser drivers (Selenium downloads browsers), no
 * ArchUnit or Spring Modulith verification (its annotations, spring-modulith-api, stay), no test frameworks, fuzzers or benchmarks. Runs on the
 * jar the build packaged ({@code yardstick.jar}, set by failsafe).
 */
class PackagedJarContentsIT {

    /** Libraries that belong to tests only, as the start of their jar names. */
    static final Pattern TEST_ONLY = Pattern.compile("(selenium|archunit|spring-modulith-core|spring-modulith-test|spring-modulith-docs|junit|assertj|mockito|"
            + "byte-buddy-agent|hamcrest|jsonassert|json-path|xmlunit|awaitility|jazzer|jmh|quicktheories|greenmail|"
            + "spring-boot-test|spring-test|spring-security-test|spring-boot-starter-test)[-.].*\\.jar");

    static List<String> libraries(Path jar) throws IOException {
        List<String> libs = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("BOOT-INF/lib/".length())).forEach(libs::add);
        }
        return libs;
    }

    @Test
    void theJarHoldsNoTestOnlyLibrary() throws IOException {
        Path jar = Path.of(System.getProperty("yardstick.jar", "target/yardstick.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application (yardstick.jar) must exist before this test runs").exists();
        List<String> libs = libraries(jar);
        assertThat(libs).as("libraries packaged in %s", jar).isNotEmpty()
                .anyMatch(l -> l.startsWith("spring-boot-"));
        assertThat(libs).as("test-only libraries packaged in %s", jar).filteredOn(l -> TEST_ONLY.matcher(l).matches())
                .isEmpty();
    }

    @Test
    void thePatternRecognisesWhatItMustRefuse() {
        assertThat(List.of("selenium-chrome-driver-4.43.0.jar", "archunit-1.4.2.jar", "junit-jupiter-api-6.0.1.jar",
                "assertj-core-3.27.6.jar", "spring-modulith-core-2.1.1.jar", "spring-boot-test-4.1.2.jar", "jmh-core-1.37.jar", "quicktheories-0.26.jar"))
                .allMatch(l -> TEST_ONLY.matcher(l).matches());
        assertThat(List.of("spring-boot-4.1.2.jar", "poi-ooxml-5.4.1.jar", "h2-2.4.240.jar", "spring-modulith-api-2.1.1.jar", "spring-test-like.txt"))
                .noneMatch(l -> TEST_ONLY.matcher(l).matches());
    }
}
