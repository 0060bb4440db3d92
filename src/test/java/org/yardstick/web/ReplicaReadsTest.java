package org.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.YardstickApplication;

/**
 * Issue 17: reads routed to a replica whose lag the test decides. The "replica" is the primary's own H2
 * database seen through a second, read-only pool, with PostgreSQL's replication functions replaced by
 * this class's ({@link #lag}): what is shown is the routing (the response header {@code X-Yardstick-Read}
 * and the replica pool), not replication itself, which needs two PostgreSQL clusters (scripts/cluster.sh).
 * The replica pool signs in as a user who may only read, as on a real standby, and sessions are in the
 * database as in production: a write routed to the replica fails here as it does on PostgreSQL.
 */
public class ReplicaReadsTest {

    /** The fake replica's lag in seconds; null: it does not answer. */
    static volatile Double lag = 0.0;

    public static String receiveLsn() {
        return "0/1";
    }

    public static String replayLsn() {
        if (lag == null) {
            throw new IllegalStateException("the replica is down");
        }
        return lag == 0.0 ? "0/1" : "0/0";
    }

    public static Timestamp replayTimestamp() {
        return new Timestamp(System.currentTimeMillis() - (long) (lag * 1000));
    }

    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() throws SQLException {
        String url = "jdbc:h2:mem:yardstick-replica-reads;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // the replica's account exists before the application starts (its pool would otherwise begin with failures)
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create user if not exists reader password 'reader'");
            s.execute("grant select on schema public to reader");
        }
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--yardstick.supervision.scheduler.enabled=false",
                "--spring.datasource.url=" + url,
                // the primary's account, whatever the environment says (CI's PostgreSQL run sets one)
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                // the replica's: may only read (created below; the pool waits for it)
                // (without DB_CLOSE_DELAY, a setting only an administrator may give)
                "--yardstick.replica.url=" + url.replace(";DB_CLOSE_DELAY=-1", ""), "--yardstick.replica.username=reader",
                "--yardstick.replica.password=reader", "--yardstick.replica.max-lag=PT5S",
                // sessions in the database, as in production (the other tests keep them in the JVM)
                "--spring.autoconfigure.exclude="));
        app = new SpringApplicationBuilder(YardstickApplication.class).run(args.toArray(String[]::new));
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        String me = ReplicaReadsTest.class.getName();
        jdbc.sql("create alias if not exists pg_last_wal_receive_lsn for '" + me + ".receiveLsn'").update();
        jdbc.sql("create alias if not exists pg_last_wal_replay_lsn for '" + me + ".replayLsn'").update();
        jdbc.sql("create alias if not exists pg_last_xact_replay_timestamp for '" + me + ".replayTimestamp'").update();
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Waits for the prober's next answer after the lag was set (it probes every second). */
    static void probed() throws InterruptedException {
        ReplicaReads reads = app.getBean(ReplicaReads.class);
        ReplicaRouting.Probe before = reads.lastProbe();
        for (int i = 0; i < 100 && reads.lastProbe() == before; i++) {
            Thread.sleep(50);
        }
        before = reads.lastProbe();
        for (int i = 0; i < 100 && reads.lastProbe() == before; i++) {
            Thread.sleep(50);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String readFrom(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " answers").isEqualTo(200);
        return r.headers().firstValue("X-Yardstick-Read").orElse("primary");
    }

    @Test
    void anonymousReadsGoToAReplicaThatKeepsUpAndBackToThePrimaryWhenItLagsOrFails() throws Exception {
        lag = 0.5;
        probed();
        assertThat(readFrom(get(client(), "/"))).isEqualTo("replica");
        assertThat(readFrom(get(client(), "/api/v1/plans"))).isEqualTo("replica");
        lag = 30.0;
        probed();
        assertThat(readFrom(get(client(), "/"))).isEqualTo("primary");
        lag = null;
        probed();
        assertThat(readFrom(get(client(), "/api/v1/plans"))).isEqualTo("primary");
        lag = 0.0;
        probed();
        assertThat(readFrom(get(client(), "/api/v1/plans"))).isEqualTo("replica");
    }

    @Test
    void signedInUsersAndAClientThatJustWroteReadThePrimary() throws Exception {
        lag = 0.0;
        probed();
        HttpClient http = client();
        assertThat(readFrom(get(http, "/"))).isEqualTo("replica");
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(http, "/login").body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=planner&password=yardstick-demo&_csrf="
                        + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(ReplicaRouting.COOKIE + "="));
        assertThat(readFrom(get(http, "/"))).as("signed in").isEqualTo("primary");
        // a client that posted something and is anonymous (a failed login) reads the primary for the window
        HttpClient other = client();
        other.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readFrom(get(other, "/"))).as("just wrote").isEqualTo("primary");
    }

    @Test
    void anonymousReadsThatWriteOnTheSideAreServedFromAReplicaThatRefusesWrites() throws Exception {
        lag = 0.0;
        probed();
        HttpClient http = client();
        // the login form hands out a CSRF token: Spring Session stores a session (on the primary)
        HttpResponse<String> form = get(http, "/login");
        assertThat(readFrom(form)).isEqualTo("replica");
        assertThat(form.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(readFrom(get(http, "/login"))).as("the same session, read back").isEqualTo("replica");
        // every anonymous API read is counted by the rate limit (a write on the primary)
        HttpResponse<String> api = get(client(), "/api/v1/plans");
        assertThat(readFrom(api)).isEqualTo("replica");
        assertThat(api.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    }
}
