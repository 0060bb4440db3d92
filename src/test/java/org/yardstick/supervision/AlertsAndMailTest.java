package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Plans;
import org.yardstick.progress.Progress;
import org.yardstick.security.Accounts;
import org.yardstick.supervision.internal.Access;
import org.yardstick.supervision.internal.AlertKind;
import org.yardstick.supervision.internal.Alerts;
import org.yardstick.supervision.internal.Outbox;
import org.yardstick.supervision.internal.ReportingPeriods;
import org.yardstick.supervision.internal.Reports;
import org.yardstick.supervision.internal.SupervisionSettings;

/**
 * An overdue task raises an alert, an e-mail (received by an in-process SMTP server) and a line in its
 * department's daily digest; running the job again, or a new instance of it over the same database,
 * neither repeats nor loses anything; a failed send is retried. The clock is fixed: 2021-01-15, 10:00
 * in Urumqi's official time, two weeks after the deadline of the 2020 tasks. Each test rolls back.
 */
@YardstickTest
@Transactional
class AlertsAndMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final Instant NOW = Instant.parse("2021-01-15T02:00:00Z");
    static final String KJT_MAIL = "kjt-duban@example.test";

    @Autowired JdbcClient jdbc;
    @Autowired Items items;
    @Autowired Reports reports;
    @Autowired ReportingPeriods periods;
    @Autowired Plans plans;
    @Autowired Progress progress;
    @Autowired MessageSource messages;
    @Autowired SupervisionSettings settings;
    @Autowired Access access;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ObjectProvider<JavaMailSender> configuredMail;
    @Autowired Alerts alerts;
    @Autowired Outbox outbox;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;

    JavaMailSenderImpl smtpSender;

    @BeforeEach
    void setUp() {
        jdbc.sql("insert into sup_contact (organisation_id, email) select id, ? from organisation where code = 'xj-kjt'")
                .param(KJT_MAIL).update();
        smtpSender = new JavaMailSenderImpl();
        smtpSender.setHost("127.0.0.1");
        smtpSender.setPort(ServerSetupTest.SMTP.getPort());
        smtpSender.setDefaultEncoding("UTF-8");
    }

    /** A new service instance over the same database, as after a restart of the application. */
    record Instance(Alerts alerts, Outbox outbox) {}

    Instance restart() {
        Outbox o = new Outbox(jdbc, transactions, configuredMail, settings);
        return new Instance(new Alerts(jdbc, items, reports, periods, plans, progress, o, messages, settings, access,
                transactions), o);
    }

    long alertCount(String code, AlertKind kind) {
        return jdbc.sql("select count(*) from sup_alert a where a.item_id = ? and a.kind = ?")
                .params(items.get("xj-mfg-internet-2017", code).id(), kind.name()).query(Long.class).single();
    }

    static List<String> subjects(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anOverdueTaskRaisesOneAlertOneEmailAndADigestLineHoweverOftenTheJobRuns() throws Exception {
        Alerts.Run first = alerts.raise(NOW);
        assertThat(first.ran()).isTrue();
        assertThat(first.raised()).isPositive();
        assertThat(first.digests()).isPositive();
        assertThat(alertCount("T2.1.1", AlertKind.OVERDUE)).isEqualTo(1);
        String detail = jdbc.sql("select detail from sup_alert where item_id = ? and kind = 'OVERDUE'")
                .param(items.get("xj-mfg-internet-2017", "T2.1.1").id()).query(String.class).single();
        assertThat(detail).isEqualTo("2020-12-31");

        int sent = outbox.drain(NOW, smtpSender);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(sent);
        assertThat(sent).isPositive();
        assertThat(subjects(received)).anyMatch(s -> s.contains("逾期") && s.contains("T2.1.1")
                && s.contains("加快制造企业互联网“双创”平台建设"));
        MimeMessage digest = Arrays.stream(received).filter(m -> subjects(new MimeMessage[] {m}).get(0).contains("每日提醒"))
                .findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(digest);
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo(KJT_MAIL);
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(jdbc.sql("select count(*) from sup_digest d join organisation o on o.id = d.organisation_id "
                + "where o.code = 'xj-kjt' and d.digest_day = date '2021-01-15'").query(Long.class).single()).isEqualTo(1);
        assertThat(outbox.byKeyPrefix("digest:xj-kjt:2021-01-15:")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("T2.1.1").contains("已逾期（完成时限 2020-12-31）")
                        .contains("overdue (deadline 2020-12-31)"));
        assertThat(body).isNotBlank();

        // the same job again, an hour later
        Alerts.Run again = alerts.raise(NOW.plus(Duration.ofHours(1)));
        assertThat(again.raised()).isZero();
        assertThat(again.digests()).isZero();
        assertThat(outbox.drain(NOW.plus(Duration.ofHours(1)), smtpSender)).isZero();

        // a restart: new instances over the same database
        Instance restarted = restart();
        assertThat(restarted.alerts().raise(NOW.plus(Duration.ofHours(2))).raised()).isZero();
        assertThat(restarted.outbox().drain(NOW.plus(Duration.ofHours(2)), smtpSender)).isZero();
        // and the next day: the overdue alert is not raised again
        assertThat(restarted.alerts().raise(NOW.plus(Duration.ofDays(1))).raised()).isZero();
        restarted.outbox().drain(NOW.plus(Duration.ofDays(1)), smtpSender);

        assertThat(smtp.getReceivedMessages()).hasSize(received.length);
        assertThat(alertCount("T2.1.1", AlertKind.OVERDUE)).isEqualTo(1);
    }

    @Test
    void theDepartmentSeesTheAlertInItsNotificationsAndAnotherDepartmentDoesNot() throws Exception {
        alerts.raise(NOW);
        mvc.perform(get("/supervision/notifications").with(Logins.as(users, accounts, Logins.DEPARTMENT)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("T2.1.1 加快制造企业互联网“双创”平台建设：已逾期（完成时限 2020-12-31）"),
                        containsString("未配置邮件服务器"))));
        mvc.perform(get("/supervision/notifications").with(Logins.as(users, accounts, Logins.OTHER_DEPARTMENT)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("T2.1.1 加快制造企业"))));
        mvc.perform(get("/supervision/notifications").with(Logins.as(users, accounts, Logins.PLANNER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("T2.1.1 加快制造企业互联网“双创”平台建设：已逾期"),
                        containsString("T2.5.1"))));
    }

    @Test
    void aFailedSendIsRetriedLaterAndThenSentOnce() {
        AtomicInteger failures = new AtomicInteger();
        JavaMailSender down = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... m) {
                failures.incrementAndGet();
                throw new MailSendException("connection refused (test)");
            }
        };
        alerts.raise(NOW);
        List<Outbox.Message> queued = outbox.byKeyPrefix("");
        long pending = queued.stream().filter(m -> m.sentAt() == null).count();
        assertThat(pending).isPositive();

        assertThat(outbox.drain(NOW, down)).isZero();
        assertThat(failures.get()).isEqualTo((int) pending);
        assertThat(outbox.byKeyPrefix("digest:xj-kjt:")).allSatisfy(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).contains("connection refused");
        });
        // not due again yet: nothing is tried
        assertThat(outbox.drain(NOW.plusSeconds(30), down)).isZero();
        assertThat(failures.get()).isEqualTo((int) pending);

        // the mail server is back
        assertThat(outbox.drain(NOW.plus(Duration.ofMinutes(2)), smtpSender)).isEqualTo((int) pending);
        assertThat(smtp.getReceivedMessages()).hasSize((int) pending);
        assertThat(outbox.drain(NOW.plus(Duration.ofMinutes(10)), smtpSender)).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize((int) pending);
    }

    @Test
    void aCompletedItemRaisesNothing() {
        Item t1 = items.get("xj-mfg-internet-2017", "T2.1.1");
        jdbc.sql("update sup_item set completed_on = date '2020-11-30' where id = ?").param(t1.id()).update();
        alerts.raise(NOW);
        assertThat(alertCount("T2.1.1", AlertKind.OVERDUE)).isZero();
        assertThat(alertCount("T2.1.1", AlertKind.NO_REPORT)).isZero();
    }

    @Test
    void dueSoonAndNoReportAlertsAreRaisedBeforeTheDeadline() {
        // 2020-12-10: T2.1.1 is due on 2020-12-31 and nobody reported for 2020Q3
        Instant december = Instant.parse("2020-12-10T02:00:00Z");
        alerts.raise(december);
        assertThat(alertCount("T2.1.1", AlertKind.DUE_SOON)).isEqualTo(1);
        assertThat(alertCount("T2.1.1", AlertKind.OVERDUE)).isZero();
        assertThat(jdbc.sql("select alert_key from sup_alert where item_id = ? and kind = 'NO_REPORT'")
                .param(items.get("xj-mfg-internet-2017", "T2.1.1").id()).query(String.class).list()).containsExactly("2020Q3");
    }

    @Test
    void anAlertRaisedAfterTodaysDigestIsInTomorrowsAndNoneTwice() {
        Instant early = Instant.parse("2021-01-14T19:00:00Z"); // 03:00 on the 15th: before the digest hour
        assertThat(alerts.raise(early).digests()).isZero();
        assertThat(alerts.raise(NOW).digests()).as("at 10:00 the digest covers the alerts of 03:00").isPositive();
        assertThat(outbox.byKeyPrefix("digest:xj-kjt:2021-01-15:")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("T2.1.1"));

        // in the afternoon a planner moves T2.1.3's deadline into the past: a new alert, after today's digest
        Item services = items.get("xj-mfg-internet-2017", "T2.1.3");
        jdbc.sql("update sup_item set deadline = date '2021-01-10' where id = ?").param(services.id()).update();
        Alerts.Run afternoon = alerts.raise(Instant.parse("2021-01-15T07:00:00Z"));
        assertThat(afternoon.raised()).isEqualTo(1);
        assertThat(afternoon.digests()).isZero();

        alerts.raise(NOW.plus(Duration.ofDays(1)));
        assertThat(outbox.byKeyPrefix("digest:xj-kjt:2021-01-16:")).singleElement().satisfies(m -> assertThat(m.body())
                .contains("T2.1.3").contains("2021-01-10").doesNotContain("T2.1.1 "));
    }
}
