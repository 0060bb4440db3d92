package org.yardstick.supervision.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import java.time.Duration;

/**
 * The scheduled jobs: alerts, digests and the sweep of stray evidence files a minute after start-up
 * and then every hour (a restart
 * catches up at once; the alerts' unique keys make every re-run harmless), and the outbox every
 * minute. Off with {@code yardstick.supervision.scheduler.enabled=false} (the tests run the jobs
 * themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "yardstick.supervision.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SupervisionJobs {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisionJobs.class);

    private final Alerts alerts;
    private final Outbox outbox;
    private final Attachments attachments;
    private final Clock clock;

    SupervisionJobs(Alerts alerts, Outbox outbox, Attachments attachments, Clock clock) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.attachments = attachments;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${yardstick.supervision.alerts-initial-delay:PT1M}",
            fixedDelayString = "${yardstick.supervision.alerts-interval:PT1H}")
    void alerts() {
        Alerts.Run run = alerts.raise(clock.instant());
        // files a crash left without their report: only old ones, never one whose report is being saved
        int swept = attachments.sweep(clock.instant().minus(Duration.ofDays(1)));
        if (run.raised() > 0 || run.digests() > 0 || swept > 0) {
            LOG.info("supervision: {} alerts raised, {} digests, {} stray files removed", run.raised(), run.digests(), swept);
        }
    }

    @Scheduled(initialDelayString = "${yardstick.supervision.outbox-initial-delay:PT1M}",
            fixedDelayString = "${yardstick.supervision.outbox-interval:PT1M}")
    void outbox() {
        outbox.drain(clock.instant());
    }
}
