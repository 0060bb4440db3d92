package org.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application ({@code target/yardstick.jar}, or the failsafe property {@code yardstick.jar})
 * started in a directory of its own on a free port, with no configuration from the test run's
 * environment (no {@code SPRING_*}, {@code YARDSTICK_*}): as a new user starts it. Its log is in
 * {@code yardstick.log} there.
 */
public final class PackagedJar implements AutoCloseable {

    private final Process process;
    private final String base;
    private final Path workDir;

    private PackagedJar(Process process, String base, Path workDir) {
        this.process = process;
        this.base = base;
        this.workDir = workDir;
    }

    /** Starts the jar in {@code workDir} with these JVM options and arguments, and waits until it is healthy. */
    public static PackagedJar start(Path workDir, List<String> jvmOptions, List<String> arguments) throws Exception {
        Path jar = Path.of(System.getProperty("yardstick.jar", "target/yardstick.jar")).toAbsolutePath();
        assertThat(jar).exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("yardstick.log").toFile());
        // no configuration: whatever database the test run itself uses must not leak into the application
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("YARDSTICK_"));
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        PackagedJar app = new PackagedJar(pb.start(), "http://localhost:" + port, workDir);
        app.waitUntilHealthy(Duration.ofSeconds(180));
        return app;
    }

    private void waitUntilHealthy(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited: " + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not become healthy: " + log());
    }

    /** Where it answers, {@code http://localhost:PORT}. */
    public String base() {
        return base;
    }

    public Path workDir() {
        return workDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() throws IOException {
        return Files.readString(workDir.resolve("yardstick.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
