package org.yardstick.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Change;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.PlanCommand;
import org.yardstick.framework.internal.TargetCommand;
import org.yardstick.framework.internal.TaskCommand;
import org.yardstick.observation.FiguresStatusChanged;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.shared.LocalizedText;

/**
 * Issue 19: the off-track alert (偏离目标预警) follows the approval event. A plan of its own measures a task
 * by a target of at least 1000 Internet ports in 达坂城区 by 2019; an approved 2019 figure of 10 misses it:
 * the alert is raised once the approval commits (its e-mail queued in the outbox, not sent), not when the
 * approval rolls back, and reopening the figure clears it. The figure is written as the approval writes it
 * (one status update) and the event published as {@code Submissions} publishes it.
 */
@YardstickTest
class OffTrackOnApprovalTest {

    static final String REGION = "650107";
    static final String PERIOD = "2019";

    @Autowired FrameworkChanges changes;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    String plan;
    String email;
    long item;

    @BeforeEach
    void plan() {
        plan = "sup-offtrack-" + System.nanoTime() % 1_000_000;
        email = plan + "@example.test";
        As.user(details, "admin");
        changes.createPlan(new PlanCommand(plan, LocalizedText.of("预警测试规划", "Alert test plan"), "65", 2016, 2020, 2015,
                null), Change.form(""));
        changes.createTarget(plan, new TargetCommand("ports", "INTERNET_PORTS", REGION, "_T", TargetKind.AT_LEAST,
                Qualifier.OVER, "以上", new BigDecimal("1000"), null, null, null, null, 2015, 2019,
                LocalizedText.of("互联网端口达到1000个以上", "At least 1000 Internet ports"), null), Change.form(""));
        changes.createTask(plan, new TaskCommand("t1", null, LocalizedText.of("建设宽带网络", "Build broadband"), 2016, 2020,
                List.of("xj-fgw"), List.of("ports"), null), Change.form(""));
        As.nobody();
        item = jdbc.sql("select i.id from sup_item i join task t on t.id = i.task_id join plan p on p.id = t.plan_id "
                + "where p.code = ? and t.code = 't1'").param(plan).query(Long.class).single();
        jdbc.sql("insert into sup_contact (organisation_id, email) select id, ? from organisation where code = 'xj-fgw'")
                .param(email).update();
        figure("2015", 5, ObservationStatus.APPROVED); // the baseline, approved long ago
        figure(PERIOD, 10, ObservationStatus.SUBMITTED);
    }

    void figure(String period, int value, ObservationStatus status) {
        jdbc.sql("""
                insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, obs_value, status,
                                         created_at, updated_at, created_by, updated_by)
                values ((select id from indicator where code = 'INTERNET_PORTS'), (select id from region where code = ?), ?,
                        ?, (select id from disaggregation where code = '_T'), ?, ?, current_timestamp, current_timestamp, ?, ?)""")
                .params(REGION, period, java.sql.Date.valueOf(period + "-01-01"), value, status.name(), plan, plan).update();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from sup_alert where item_id = ?").param(item).update();
        jdbc.sql("delete from sup_outbox where recipient = ?").param(email).update();
        jdbc.sql("delete from sup_contact where email = ?").param(email).update();
        jdbc.sql("delete from observation where created_by = ?").param(plan).update();
        As.user(details, "admin");
        changes.retirePlan(plan, Change.form("test"));
        As.nobody();
    }

    void setStatus(ObservationStatus from, ObservationStatus to, boolean commit) {
        long before = offTrackAlerts();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("update observation set status = ?, version = version + 1 where created_by = ? and period = ?")
                    .params(to.name(), plan, PERIOD).update();
            events.publishEvent(new FiguresStatusChanged(-1, "xj-county-info", REGION, PERIOD, from, to));
            assertThat(offTrackAlerts()).as("nothing changes before the commit").isEqualTo(before);
            if (!commit) {
                s.setRollbackOnly();
            }
        });
    }

    long offTrackAlerts() {
        return jdbc.sql("select count(*) from sup_alert where item_id = ? and kind = 'OFF_TRACK'").param(item)
                .query(Long.class).single();
    }

    @Test
    void anApprovalThatMissesTheTargetRaisesTheAlertAfterItsCommitAndReopeningClearsIt() {
        setStatus(ObservationStatus.SUBMITTED, ObservationStatus.APPROVED, true);
        assertThat(offTrackAlerts()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from sup_alert where item_id = ? and kind = 'OFF_TRACK'").param(item)
                .query(String.class).single()).isEqualTo("ports");
        // the e-mail waits in the outbox for its job: nothing is sent from the approving thread
        assertThat(jdbc.sql("select count(*) from sup_outbox where recipient = ? and sent_at is null").param(email)
                .query(Long.class).single()).isEqualTo(1);

        // approved again (a second event on the same figures) raises nothing twice
        setStatus(ObservationStatus.APPROVED, ObservationStatus.APPROVED, true);
        assertThat(offTrackAlerts()).isEqualTo(1);

        setStatus(ObservationStatus.APPROVED, ObservationStatus.SUBMITTED, true);
        assertThat(offTrackAlerts()).as("reopened: no approved figure, nothing off track").isZero();
    }

    @Test
    void aRolledBackApprovalRaisesNothing() {
        setStatus(ObservationStatus.SUBMITTED, ObservationStatus.APPROVED, false);
        assertThat(offTrackAlerts()).isZero();
        assertThat(jdbc.sql("select count(*) from sup_outbox where recipient = ?").param(email).query(Long.class).single())
                .isZero();
    }

    @Test
    void anApprovalThatMeetsTheTargetClearsAnEarlierAlert() {
        setStatus(ObservationStatus.SUBMITTED, ObservationStatus.APPROVED, true);
        assertThat(offTrackAlerts()).isEqualTo(1);
        jdbc.sql("update observation set obs_value = 1500, status = 'SUBMITTED' where created_by = ? and period = ?")
                .params(plan, PERIOD).update();
        setStatus(ObservationStatus.SUBMITTED, ObservationStatus.APPROVED, true);
        assertThat(offTrackAlerts()).isZero();
    }
}
