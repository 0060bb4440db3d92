package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Anonymous uploads are refused before their bodies are read: a chunked multipart upload of 50 MB
 * (under the server's limit, here 64 MB) to the import and to a supervision report is answered
 * while it is still being sent, and nothing of it reaches the multipart spool directory (before, the
 * CSRF check read the body for its token: the server spooled the whole upload, then refused it).
 * Signed-in accounts still upload, with the CSRF token in the form's address, and above the limit
 * get the 413 page. On a real server (Tomcat), which parses multipart bodies the way production does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.servlet.multipart.max-file-size=64MB", "spring.servlet.multipart.max-request-size=64MB",
    "spring.servlet.multipart.file-size-threshold=1MB"})
class AnonymousUploadTest {

    static final int MB = 1024 * 1024;
    static final String BOUNDARY = "----yardstick-upload-test";

    @TempDir static Path spool;

    @DynamicPropertySource
    static void spoolDirectory(DynamicPropertyRegistry registry) {
        registry.add("spring.servlet.multipart.location", () -> spool.toString());
    }

    @LocalServerPort int port;

    /** What sending an upload did. */
    record Sent(String response, long bytesSent, boolean completed, long mostFilesSpooled) {
        String statusLine() {
            return response.lines().findFirst().orElse("");
        }
    }

    long spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    /**
     * Streams a multipart body of {@code size} bytes, chunked, from a generator; stops sending as soon
     * as the server answers or closes. Watches the spool directory while sending.
     */
    Sent upload(String path, long size, String cookie) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Transfer-Encoding: chunked\r\n" + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n; !complete(read.toString(StandardCharsets.ISO_8859_1)) && (n = in.read(buffer)) > 0; ) {
                        read.write(buffer, 0, n);
                    }
                } catch (IOException closed) {
                    // what arrived is the answer
                }
                return read.toString(StandardCharsets.UTF_8);
            });
            byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"dataSet\"\r\n\r\nxj-county-info\r\n"
                    + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] data = new byte[64 * 1024];
            Arrays.fill(data, (byte) 'a');
            long sent = 0;
            long mostSpooled = 0;
            boolean completed = false;
            try {
                chunk(out, head);
                sent += head.length;
                while (sent < size && !response.isDone()) {
                    chunk(out, data);
                    sent += data.length;
                    if (sent % MB == 0) {
                        mostSpooled = Math.max(mostSpooled, spooled());
                    }
                }
                if (!response.isDone()) {
                    chunk(out, tail);
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    completed = true;
                }
            } catch (IOException closedByServer) {
                // the server answered and closed the connection: the rest was never sent
            }
            return new Sent(response.get(60, TimeUnit.SECONDS), sent, completed, mostSpooled);
        }
    }

    /** Whether a response has arrived whole: its headers and its body (by length or chunks). */
    static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher length = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)").matcher(response.substring(0, end));
        if (length.find()) {
            return response.length() - end - 4 >= Integer.parseInt(length.group(1));
        }
        if (response.substring(0, end).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            return response.endsWith("\r\n0\r\n\r\n");
        }
        return false; // until the server closes the connection
    }

    static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        for (String path : new String[] {"/collect/import", "/supervision/items/1/report", "/login"}) {
            Sent s = upload(path, 50L * MB, "");
            assertThat(s.mostFilesSpooled()).as(path + ": files in the multipart spool").isZero();
            assertThat(s.completed()).as(path + ": the answer came while the upload was being sent").isFalse();
            assertThat(s.bytesSent()).as(path + ": bytes sent before the answer").isLessThan(25L * MB);
            assertThat(s.statusLine()).as(path).startsWith("HTTP/1.1 302");
            assertThat(s.response()).as(path).containsIgnoringCase("Location: /login")
                    .containsIgnoringCase("Connection: close");
            assertThat(spooled()).isZero();
        }
    }

    @Test
    void aSignedInUploadAboveTheLimitGetsThe413Page() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=reporter&password=yardstick-demo&_csrf="
                + URLEncoder.encode(hidden(login), StandardCharsets.UTF_8);
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.headers().firstValue("Location")).hasValue(base + "/home");
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/collect/import")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("enctype=\"multipart/form-data\" action=\"([^\"]+)\"").matcher(page);
        assertThat(action.find()).as("the import form").isTrue();
        String address = action.group(1).replace("&amp;", "&");
        assertThat(address).as("the form's address carries its CSRF token").contains("_csrf=");
        String cookie = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().toString();

        Sent s = upload(address, 70L * MB, cookie);
        assertThat(s.statusLine()).isEqualTo("HTTP/1.1 413 ");
        assertThat(s.response()).contains("超过大小上限 64 MB");
    }

    static String hidden(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the login form's CSRF token").isTrue();
        return m.group(1);
    }
}
