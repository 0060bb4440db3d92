package org.yardstick.supervision.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.framework.Plan;
import org.yardstick.framework.Plans;
import org.yardstick.framework.Target;
import org.yardstick.progress.Progress;
import org.yardstick.progress.TargetProgress;
import org.yardstick.progress.rules.Status;
import org.yardstick.security.Account;
import org.yardstick.security.Role;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.Period;
import org.yardstick.supervision.Item;
import org.yardstick.supervision.ItemStatus;
import org.yardstick.supervision.Items;
import org.yardstick.supervision.Unit;

/**
 * Alerts (预警提醒): due soon, overdue, no report for the period just ended, a measuring target off
 * track. {@link #raise} computes what is due on a day and records each alert once — the table's
 * unique key (item, kind, deadline/period) makes re-runs, restarts and a second instance harmless —
 * and queues its e-mails in the same transaction; then it writes each unit's daily digest once.
 */
@Service
public class Alerts {

    private final JdbcClient jdbc;
    private final Items items;
    private final Reports reports;
    private final ReportingPeriods periods;
    private final Plans plans;
    private final Progress progress;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SupervisionSettings settings;
    private final Access access;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;

    public Alerts(JdbcClient jdbc, Items items, Reports reports, ReportingPeriods periods, Plans plans, Progress progress,
           Outbox outbox, MessageSource messages, SupervisionSettings settings, Access access,
           PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.items = items;
        this.reports = reports;
        this.periods = periods;
        this.plans = plans;
        this.progress = progress;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.access = access;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What one run did. */
    public record Run(boolean ran, int raised, int digests) {}

    /**
     * Raises the alerts due at {@code now} and, from the digest hour on, the day's digests. Runs in one
     * transaction holding the job's lock row; if another instance holds it, does nothing.
     */
    public Run raise(Instant now) {
        items.sync();
        return tx.execute(s -> {
            List<String> lock = jdbc.sql("select name from sup_job_lock where name = 'alerts' for update skip locked")
                    .query(String.class).list();
            if (lock.isEmpty()) {
                return new Run(false, 0, 0);
            }
            ZonedDateTime local = now.atZone(items.zone());
            LocalDate today = local.toLocalDate();
            int raised = 0;
            Map<Long, Map<String, Status>> targetStatus = new HashMap<>();
            for (Item item : items.all()) {
                for (Candidate c : candidates(item, today, targetStatus)) {
                    if (insert(item, c, today, now)) {
                        raised++;
                        mail(item, c, now);
                    }
                }
            }
            int digests = local.getHour() >= settings.digestHour() ? digests(today, now) : 0;
            jdbc.sql("update sup_job_lock set last_run_at = ? where name = 'alerts'").param(Timestamp.from(now)).update();
            return new Run(true, raised, digests);
        });
    }

    /** What one re-evaluation of off-track targets did. */
    public record OffTrackRun(int raised, int cleared) {}

    /**
     * After approved figures changed (see {@code OffTrackOnApproval}): re-assesses only the given targets
     * and, on the items they measure, raises the off-track alert of the current period (with its e-mails
     * queued in the outbox) or clears it when the target is back on track or has no figure any more. In a
     * transaction of its own, as it runs after the approval's commit. Due-soon, overdue and missing-report
     * alerts are left to the hourly {@link #raise}, which also raises off-track alerts of figures that arrived
     * without an approval event (loaded from files). Targets of retired plans are left alone.
     */
    public OffTrackRun offTrack(List<Target> touched, Instant now) {
        if (touched.isEmpty()) {
            return new OffTrackRun(0, 0);
        }
        Set<Long> inForce = plans.all().stream().map(Plan::id).collect(java.util.stream.Collectors.toSet());
        Map<Long, Map<String, Target>> byPlan = new HashMap<>();
        touched.stream().filter(t -> inForce.contains(t.planId()))
                .forEach(t -> byPlan.computeIfAbsent(t.planId(), k -> new HashMap<>()).put(t.code(), t));
        return newTx.execute(s -> {
            LocalDate today = now.atZone(items.zone()).toLocalDate();
            int raised = 0;
            int cleared = 0;
            Map<Long, Map<String, Status>> statuses = new HashMap<>();
            for (Item item : items.all()) {
                Map<String, Target> ofPlan = byPlan.get(item.planId());
                if (ofPlan == null || item.targetCodes().stream().noneMatch(ofPlan::containsKey)) {
                    continue;
                }
                Map<String, Status> status = statuses.computeIfAbsent(item.planId(), plan -> assess(ofPlan.values()));
                ItemStatus itemStatus = item.status(today, settings.dueSoonDays());
                boolean watched = !itemStatus.complete() && itemStatus != ItemStatus.NOT_STARTED;
                String period = periods.current(item.planId(), today).code();
                for (String target : item.targetCodes()) {
                    if (!ofPlan.containsKey(target)) {
                        continue;
                    }
                    Candidate c = new Candidate(AlertKind.OFF_TRACK, period + "/" + target, target);
                    Status st = status.get(target);
                    if (st == Status.OFF_TRACK || st == Status.NOT_ACHIEVED) {
                        if (watched && insert(item, c, today, now)) {
                            raised++;
                            mail(item, c, now);
                        }
                    } else {
                        cleared += jdbc.sql("delete from sup_alert where item_id = ? and kind = ? and alert_key = ?")
                                .params(item.id(), c.kind().name(), c.key()).update();
                    }
                }
            }
            return new OffTrackRun(raised, cleared);
        });
    }

    private Map<String, Status> assess(java.util.Collection<Target> targets) {
        Map<String, Status> statuses = new HashMap<>();
        var snapshot = progress.snapshot(targets, List.of(), List.of());
        for (Target t : targets) {
            statuses.put(t.code(), snapshot.assess(t).assessment().status());
        }
        return statuses;
    }

    private record Candidate(AlertKind kind, String key, String detail) {}

    private List<Candidate> candidates(Item item, LocalDate today, Map<Long, Map<String, Status>> targetStatus) {
        List<Candidate> due = new ArrayList<>();
        ItemStatus status = item.status(today, settings.dueSoonDays());
        if (status.complete() || status == ItemStatus.NOT_STARTED) {
            return due;
        }
        String deadline = item.deadline().toString();
        if (status == ItemStatus.OVERDUE) {
            due.add(new Candidate(AlertKind.OVERDUE, deadline, deadline));
        } else if (status == ItemStatus.DUE_SOON) {
            due.add(new Candidate(AlertKind.DUE_SOON, deadline, deadline));
        }
        Period current = periods.current(item.planId(), today);
        Period ended = current.previous();
        if (item.lead() != null && !item.start().isAfter(ReportingFrequency.end(ended))
                && !reports.leadReported(item.id(), ended.code())) {
            due.add(new Candidate(AlertKind.NO_REPORT, ended.code(),
                    ended.code() + " " + periods.closesOn(item.planId(), ended)));
        }
        if (!item.targetCodes().isEmpty()) {
            Map<String, Status> statuses = targetStatus.computeIfAbsent(item.planId(), this::statuses);
            for (String target : item.targetCodes()) {
                if (statuses.get(target) == Status.OFF_TRACK || statuses.get(target) == Status.NOT_ACHIEVED) {
                    due.add(new Candidate(AlertKind.OFF_TRACK, current.code() + "/" + target, target));
                }
            }
        }
        return due;
    }

    /** The statuses of a plan's targets; none for a retired plan (its items raise no off-track alert). */
    private Map<String, Status> statuses(long planId) {
        Map<String, Status> statuses = new HashMap<>();
        Plan plan = plans.all().stream().filter(p -> p.id() == planId).findFirst().orElse(null);
        if (plan == null) {
            return statuses;
        }
        for (TargetProgress tp : progress.ofPlan(plan)) {
            statuses.put(tp.target().code(), tp.assessment().status());
        }
        return statuses;
    }

    private boolean insert(Item item, Candidate c, LocalDate today, Instant now) {
        return jdbc.sql("""
                insert into sup_alert (item_id, kind, alert_key, organisation_id, raised_on, detail, created_at)
                select ?, ?, ?, ?, ?, ?, ? where not exists
                    (select 1 from sup_alert where item_id = ? and kind = ? and alert_key = ?)""")
                .params(item.id(), c.kind().name(), c.key(), item.lead() == null ? null : item.lead().id(),
                        Date.valueOf(today), c.detail(), Timestamp.from(now), item.id(), c.kind().name(), c.key())
                .update() > 0;
    }

    private void mail(Item item, Candidate c, Instant now) {
        if (item.lead() == null) {
            return;
        }
        long alertId = jdbc.sql("select id from sup_alert where item_id = ? and kind = ? and alert_key = ?")
                .params(item.id(), c.kind().name(), c.key()).query(Long.class).single();
        String subject = text("sup.mail.alert.subject", Locale.SIMPLIFIED_CHINESE, kindName(c.kind(), Locale.SIMPLIFIED_CHINESE),
                item.code(), item.title().zh());
        String body = alertLine(item, c.kind(), c.detail(), Locale.SIMPLIFIED_CHINESE) + "\n" + link(item) + "\n\n"
                + alertLine(item, c.kind(), c.detail(), Locale.ENGLISH) + "\n";
        for (String email : contacts(item.lead().id())) {
            outbox.enqueue("alert:" + alertId + ":" + email, email, subject, body, now);
        }
    }

    /**
     * Writes each unit's digest of the day once: the alerts on the items it leads or co-leads raised
     * since its previous digest, so an alert raised after today's digest is in tomorrow's.
     */
    private int digests(LocalDate today, Instant now) {
        record Row(long alertId, long itemId, long organisationId, String orgCode, AlertKind kind, String detail) {}
        List<Row> rows = jdbc.sql("""
                select a.id, a.item_id, u.organisation_id, o.code, a.kind, a.detail from sup_alert a
                join sup_item_unit u on u.item_id = a.item_id join organisation o on o.id = u.organisation_id
                where a.id > coalesce((select max(d.last_alert_id) from sup_digest d
                                       where d.organisation_id = u.organisation_id), 0)
                  and not exists (select 1 from sup_digest d where d.organisation_id = u.organisation_id
                                  and d.digest_day = ?)
                order by u.organisation_id, a.id""")
                .param(Date.valueOf(today))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        AlertKind.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
        Map<Long, List<Row>> byUnit = new LinkedHashMap<>();
        rows.forEach(r -> byUnit.computeIfAbsent(r.organisationId(), k -> new ArrayList<>()).add(r));
        Map<Long, Item> itemsById = new HashMap<>();
        items.all().forEach(i -> itemsById.put(i.id(), i));
        for (Map.Entry<Long, List<Row>> e : byUnit.entrySet()) {
            List<Row> lines = e.getValue();
            jdbc.sql("insert into sup_digest (organisation_id, digest_day, alerts, last_alert_id, created_at) "
                            + "values (?, ?, ?, ?, ?)")
                    .params(e.getKey(), Date.valueOf(today), lines.size(), lines.get(lines.size() - 1).alertId(),
                            Timestamp.from(now))
                    .update();
            StringBuilder zh = new StringBuilder(text("sup.mail.digest.intro", Locale.SIMPLIFIED_CHINESE, today.toString(),
                    lines.size())).append('\n');
            StringBuilder en = new StringBuilder(text("sup.mail.digest.intro", Locale.ENGLISH, today.toString(),
                    lines.size())).append('\n');
            for (Row r : lines) {
                Item item = itemsById.get(r.itemId());
                zh.append("- ").append(alertLine(item, r.kind(), r.detail(), Locale.SIMPLIFIED_CHINESE)).append('\n');
                en.append("- ").append(alertLine(item, r.kind(), r.detail(), Locale.ENGLISH)).append('\n');
            }
            String subject = text("sup.mail.digest.subject", Locale.SIMPLIFIED_CHINESE, today.toString(), lines.size());
            String body = zh + "\n" + settings.baseUrl() + "/supervision/notifications\n\n" + en;
            for (String email : contacts(e.getKey())) {
                outbox.enqueue("digest:" + lines.get(0).orgCode() + ":" + today + ":" + email, email, subject, body, now);
            }
        }
        return byUnit.size();
    }

    /** One alert as a sentence: 逾期：T2.1.1 加快… (截止日期 2020-12-31). */
    public String alertLine(Item item, AlertKind kind, String detail, Locale locale) {
        return text("sup.alert.line." + kind.name(), locale, item.code(), item.title().in(locale), detail);
    }

    private String kindName(AlertKind kind, Locale locale) {
        return text("sup.alert." + kind.name(), locale);
    }

    private String link(Item item) {
        return settings.baseUrl() + "/supervision/items/" + item.id();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    List<String> contacts(long organisationId) {
        return jdbc.sql("select email from sup_contact where organisation_id = ? order by email").param(organisationId)
                .query(String.class).list();
    }

    /** The account's notifications, newest first: a department's for its items, a planner's for all. */
    public List<Notification> forCurrentAccount(int limit) {
        access.requireSupervises();
        Account me = access.account().orElseThrow();
        String where = "";
        List<Object> params = new ArrayList<>();
        params.add(me.id());
        if (me.role() == Role.DEPARTMENT) {
            where = " where exists (select 1 from sup_item_unit u join organisation o on o.id = u.organisation_id "
                    + "where u.item_id = a.item_id and o.code = ?)";
            params.add(me.organisationCode());
        }
        params.add(limit);
        return jdbc.sql("""
                select a.id, a.kind, a.item_id, p.code as plan_code, coalesce(t.code, k.code) as code,
                       coalesce(t.title_zh, k.name_zh) as title_zh, coalesce(t.title_en, k.name_en) as title_en,
                       o.id as org_id, o.code as org_code, o.short_zh, o.short_en, a.raised_on, a.detail,
                       (select count(*) from sup_alert_read r where r.alert_id = a.id and r.account_id = ?) as is_read
                from sup_alert a join sup_item i on i.id = a.item_id join plan p on p.id = i.plan_id
                left join task t on t.id = i.task_id left join key_project k on k.id = i.key_project_id
                left join organisation o on o.id = a.organisation_id""" + where + " order by a.raised_on desc, a.id desc limit ?")
                .params(params)
                .query((rs, n) -> new Notification(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
                        rs.getLong("item_id"), rs.getString("plan_code"), rs.getString("code"),
                        LocalizedText.of(rs.getString("title_zh"), rs.getString("title_en")),
                        rs.getString("org_code") == null ? null : new Unit(rs.getLong("org_id"), rs.getString("org_code"),
                                LocalizedText.of(rs.getString("short_zh"), rs.getString("short_en"))),
                        rs.getDate("raised_on").toLocalDate(), rs.getString("detail"), rs.getLong("is_read") > 0))
                .list();
    }

    /** Marks the account's notifications read (those it can see). */
    @Transactional
    public int markAllRead() {
        access.requireSupervises();
        long accountId = access.account().orElseThrow().id();
        int n = 0;
        for (Notification x : forCurrentAccount(1000)) {
            if (!x.read()) {
                n += jdbc.sql("insert into sup_alert_read (alert_id, account_id) values (?, ?)").params(x.id(), accountId)
                        .update();
            }
        }
        return n;
    }

    /** The alerts raised on an item, newest first (for the item page). */
    public List<Notification> ofItem(Item item) {
        access.requireDetails(item);
        return jdbc.sql("select a.id, a.kind, a.raised_on, a.detail from sup_alert a where a.item_id = ? "
                        + "order by a.raised_on desc, a.id desc")
                .param(item.id())
                .query((rs, n) -> new Notification(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), item.id(),
                        item.planCode(), item.code(), item.title(), item.lead(), rs.getDate(3).toLocalDate(),
                        rs.getString(4), true))
                .list();
    }
}
