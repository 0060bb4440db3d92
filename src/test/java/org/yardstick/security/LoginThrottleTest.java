package org.yardstick.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.YardstickTest;

/**
 * Item 7 of the security review: the login throttle cannot be escaped by making up a client address
 * (X-Forwarded-For from anyone but a trusted proxy is ignored), cannot be turned against an account's
 * owner (five wrong guesses cost them seconds, not 15 minutes), and slows down guessing from many
 * addresses at one account. The memory bound is in {@code internal.LoginThrottleMemoryTest}.
 */
@YardstickTest
class LoginThrottleTest {

    static final String PASSWORD = SessionEndsWhenAccountChangesTest.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired TestClock clock;
    @Autowired Environment environment;

    @BeforeEach
    void asThePlatform() {
        As.nobody();
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    /** One login attempt from a client address, with whatever forwarded headers the client makes up. */
    private MockHttpServletResponse login(String from, String username, String password, String... forwardedFor)
            throws Exception {
        var request = post("/login").with(csrf()).param("username", username).param("password", password)
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                });
        for (String f : forwardedFor) {
            request.header("X-Forwarded-For", f);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String outcome(MockHttpServletResponse r) {
        return r.getStatus() == 429 ? "429" : r.getRedirectedUrl();
    }

    private void wait(MockHttpServletResponse refused) {
        clock.set(clock.instant().plusSeconds(Long.parseLong(refused.getHeader("Retry-After"))));
    }

    @Test
    void makingUpForwardedForAddressesDoesNotEscapeTheAddressThrottle() throws Exception {
        String prefix = SessionEndsWhenAccountChangesTest.unique("nobody");
        for (int i = 0; i < 11; i++) {
            assertThat(outcome(login("203.0.113.10", prefix + "-" + i, "guess-" + i, "198.51.100." + i)))
                    .as("guess %d", i).isEqualTo("/login?error");
        }
        MockHttpServletResponse refused = login("203.0.113.10", prefix + "-x", "guess", "198.51.100.200");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        // another client is not affected
        assertThat(outcome(login("203.0.113.11", prefix + "-y", "guess"))).isEqualTo("/login?error");
    }

    @Test
    void onlyATrustedProxyMayTellTheClientAddressOrHost() throws Exception {
        // the embedded Tomcat as Spring Boot configures it from the application's properties (the tests
        // serve through MockMvc, without Tomcat)
        Binder binder = Binder.get(environment);
        TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory();
        new TomcatWebServerFactoryCustomizer(environment,
                binder.bind("server", ServerProperties.class).orElseGet(ServerProperties::new),
                binder.bind("server.tomcat", TomcatServerProperties.class).orElseGet(TomcatServerProperties::new),
                binder.bind("spring.web", WebProperties.class).orElseGet(WebProperties::new)).customize(tomcat);
        RemoteIpValve valve = tomcat.getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast).findFirst().orElseThrow();
        // a client on the network (also a private one, as on a government intranet) makes headers up: ignored
        for (String client : new String[] {"203.0.113.7", "10.1.2.3", "192.168.1.20", "172.17.0.2"}) {
            assertThat(seen(valve, client)).as(client).isEqualTo(client + " localhost");
        }
        // a reverse proxy on the same machine forwards the client's address and host
        assertThat(seen(valve, "127.0.0.1")).isEqualTo("198.51.100.99 evil.example");
    }

    /** The client address and host name the application sees behind the valve. */
    private static String seen(Valve valve, String remoteAddr) throws Exception {
        Request request = new Request(new Connector(), new org.apache.coyote.Request());
        request.setRemoteAddr(remoteAddr);
        request.setRemoteHost(remoteAddr);
        request.getCoyoteRequest().serverName().setString("localhost");
        request.getCoyoteRequest().scheme().setString("http");
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString("198.51.100.99");
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-Host").setString("evil.example");
        request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-Proto").setString("https");
        AtomicReference<String> seen = new AtomicReference<>();
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request r, Response s) throws IOException {
                seen.set(r.getRemoteAddr() + " " + r.getServerName());
            }
        });
        valve.invoke(request, new Response(new org.apache.coyote.Response()));
        return seen.get();
    }

    @Test
    void redirectsDoNotCarryTheHostTheClientSent() throws Exception {
        var toLogin = mvc.perform(get("/collect").header("Host", "evil.example")).andReturn().getResponse();
        assertThat(toLogin.getRedirectedUrl()).isEqualTo("/login");
        String name = SessionEndsWhenAccountChangesTest.unique("thr-host");
        accounts.create(new NewAccount(name, "主机头测试", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        var afterLogin = mvc.perform(post("/login").with(csrf()).header("Host", "evil.example")
                .param("username", name).param("password", PASSWORD)).andReturn().getResponse();
        assertThat(afterLogin.getRedirectedUrl()).isEqualTo("/home");
    }

    @Test
    void fiveWrongGuessesCostTheOwnerSecondsNotAQuarterOfAnHour() throws Exception {
        String victim = SessionEndsWhenAccountChangesTest.unique("thr-victim");
        accounts.create(new NewAccount(victim, "被攻击的账号", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        int counted = 0;
        while (counted < 5) {
            MockHttpServletResponse r = login("203.0.113.20", victim, "wrong-" + counted);
            if (r.getStatus() == 429) {
                wait(r);   // the attacker waits as told, so that each guess counts
            } else {
                assertThat(r.getRedirectedUrl()).isEqualTo("/login?error");
                counted++;
            }
        }
        MockHttpServletResponse owner = login("198.51.100.30", victim, PASSWORD);
        assertThat(owner.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(owner.getHeader("Retry-After"))).isBetween(1L, 2L);
        wait(owner);
        assertThat(outcome(login("198.51.100.30", victim, PASSWORD))).isEqualTo("/home");
    }

    @Test
    void guessingOneAccountFromManyAddressesWaitsLongerEachTime() throws Exception {
        String victim = SessionEndsWhenAccountChangesTest.unique("thr-spread");
        accounts.create(new NewAccount(victim, "分散攻击的账号", PASSWORD, Role.REPORTER, "650102", null, false), "test");
        long previous = 0;
        for (int i = 0; i < 8; i++) {
            MockHttpServletResponse r = login("203.0.113." + (100 + i), victim, "wrong-" + i);
            if (i < 4) {
                assertThat(r.getRedirectedUrl()).as("guess %d", i).isEqualTo("/login?error");
                continue;
            }
            assertThat(r.getStatus()).as("guess %d", i).isEqualTo(429);
            long wait = Long.parseLong(r.getHeader("Retry-After"));
            assertThat(wait).isGreaterThan(previous);
            previous = wait;
            wait(r);
            assertThat(login("203.0.113." + (100 + i), victim, "wrong-" + i).getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(Duration.ofSeconds(previous)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }
}
