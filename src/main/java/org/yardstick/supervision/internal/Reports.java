package org.yardstick.supervision.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.region.Organisations;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.Period;
import org.yardstick.supervision.Item;
import org.yardstick.supervision.Items;
import org.yardstick.supervision.Unit;

/**
 * Status reports (进展报告) on items: the lead unit reports progress per period, co-units add their
 * contributions, planners comment. Reports on closed periods are refused; a report saved again for the
 * same period becomes its next version.
 */
@Service
public class Reports {

    static final int MAX_NARRATIVE = 4000;
    static final int MAX_COMMENT = 2000;

    private final JdbcClient jdbc;
    private final Items items;
    private final ReportingPeriods periods;
    private final Attachments attachments;
    private final Organisations organisations;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(JdbcClient jdbc, Items items, ReportingPeriods periods, Attachments attachments, Organisations organisations,
            Access access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.items = items;
        this.periods = periods;
        this.attachments = attachments;
        this.organisations = organisations;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Files the account's unit's report on an item for a period, with evidence files. The lead unit
     * gives progress in percent; a co-unit's contribution has none.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the account's organisation
     *     leads or co-leads the item
     * @throws InvalidInputException naming each field that is wrong; then nothing is stored, neither a
     *     row nor a file
     */
    @Transactional
    public Report file(long itemId, @Nullable String period, @Nullable String progress, @Nullable String narrative,
                       List<Attachments.Upload> uploads) {
        Item item = items.get(itemId);
        access.requireReport(item);
        String org = Objects.requireNonNull(access.department());
        boolean lead = item.ledBy(org);
        LocalDate today = items.today();
        List<InputProblem> problems = new ArrayList<>();
        Period p = periods.check(item.planId(), period == null ? "" : period.strip(), today, problems);
        Integer percent = null;
        if (lead) {
            if (progress == null || progress.isBlank()) {
                problems.add(Problem.of("progress", "", Problem.REQUIRED));
            } else {
                try {
                    percent = Integer.valueOf(progress.strip());
                    if (percent < 0 || percent > 100) {
                        problems.add(Problem.of("progress", progress, Problem.BAD_PROGRESS));
                    }
                } catch (NumberFormatException e) {
                    problems.add(Problem.of("progress", progress, Problem.BAD_PROGRESS));
                }
            }
        }
        String text = narrative == null ? "" : narrative.strip();
        if (text.isEmpty()) {
            problems.add(Problem.of("narrative", "", Problem.REQUIRED));
        } else if (text.length() > MAX_NARRATIVE) {
            problems.add(Problem.of("narrative", text, Problem.TOO_LONG, MAX_NARRATIVE));
        }
        for (int i = 0; i < uploads.size(); i++) {
            Attachments.checkName(i, uploads.get(i).fileName(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // files first: if one is refused nothing else happens; if the transaction fails they are removed
        List<Attachments.Stored> stored = attachments.store(uploads);
        long orgId = organisations.get(org).id();
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String actor = access.actor();
        record Existing(long id, @Nullable Integer progress, String narrative, int version) {}
        Existing before = jdbc.sql("select id, progress, narrative, version from sup_report where item_id = ? and period = ? "
                        + "and organisation_id = ?")
                .params(itemId, p.code(), orgId)
                .query((rs, n) -> new Existing(rs.getLong(1), rs.getObject(2, Integer.class), rs.getString(3), rs.getInt(4)))
                .optional().orElse(null);
        long reportId;
        int version;
        if (before == null) {
            jdbc.sql("""
                    insert into sup_report (item_id, period, organisation_id, lead, progress, narrative, version, created_at,
                                            created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""")
                    .params(itemId, p.code(), orgId, lead, percent, text, at, actor, at, actor).update();
            reportId = jdbc.sql("select id from sup_report where item_id = ? and period = ? and organisation_id = ?")
                    .params(itemId, p.code(), orgId).query(Long.class).single();
            version = 1;
        } else {
            reportId = before.id();
            version = before.version() + 1;
            jdbc.sql("update sup_report set lead = ?, progress = ?, narrative = ?, version = ?, updated_at = ?, updated_by = ? "
                            + "where id = ?")
                    .params(lead, percent, text, version, at, actor, reportId).update();
        }
        jdbc.sql("insert into sup_report_version (report_id, version, progress, narrative, saved_at, saved_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(reportId, version, percent, text, at, actor).update();
        for (Attachments.Stored s : stored) {
            jdbc.sql("""
                    insert into sup_attachment (report_id, file_name, stored_name, content_type, size_bytes, sha256,
                                                created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(reportId, s.fileName(), s.storedName(), s.type().mediaType(), s.size(), s.sha256(), at, actor)
                    .update();
        }
        String key = item.key() + "/report/" + p.code() + "/" + org;
        List<FieldChange> changes = new ArrayList<>();
        if (lead) {
            changes.add(new FieldChange("progress", before == null ? null : Objects.toString(before.progress(), null),
                    Objects.toString(percent, null)));
        }
        changes.add(new FieldChange("narrative", before == null ? null : before.narrative(), text));
        for (Attachments.Stored s : stored) {
            changes.add(new FieldChange("attachment", null, s.fileName() + " (" + s.type().name() + ", " + s.size() + " B)"));
        }
        events.publishEvent(new Changed(Items.AUDIT_TYPE, itemId, key, lead ? "report" : "contribute", actor, changes, ""));
        if (lead) {
            updateCompletion(item, today, actor);
        }
        return get(reportId);
    }

    /** The item is complete when the lead unit's latest report says 100%; from the day that was first said. */
    private void updateCompletion(Item item, LocalDate today, String actor) {
        Item now = items.get(item.id());
        boolean complete = now.latestProgress() != null && now.latestProgress() == 100;
        LocalDate completedOn = complete ? (item.completedOn() != null ? item.completedOn() : today) : null;
        if (!Objects.equals(completedOn, item.completedOn())) {
            jdbc.sql("update sup_item set completed_on = ? where id = ?")
                    .params(completedOn == null ? null : Date.valueOf(completedOn), item.id()).update();
            events.publishEvent(Changed.of(Items.AUDIT_TYPE, item.id(), item.key(), "complete", actor, "",
                    new FieldChange("completedOn", Objects.toString(item.completedOn(), null),
                            Objects.toString(completedOn, null))));
        }
    }

    /** A reviewer's comment on a report (planners and administrators). */
    @Transactional
    public Report.Comment comment(long reportId, @Nullable String body) {
        access.requirePlan();
        Report r = get(reportId);
        Item item = items.get(r.itemId());
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(Problem.of("comment", "", Problem.REQUIRED));
        }
        if (text.length() > MAX_COMMENT) {
            throw new InvalidInputException(Problem.of("comment", text, Problem.TOO_LONG, MAX_COMMENT));
        }
        jdbc.sql("insert into sup_comment (report_id, body, created_at, created_by) values (?, ?, ?, ?)")
                .params(reportId, text, Timestamp.from(clock.instant()), access.actor()).update();
        events.publishEvent(Changed.of(Items.AUDIT_TYPE, item.id(), item.key() + "/report/" + r.period() + "/"
                + r.unit().code(), "comment", access.actor(), "", new FieldChange("comment", null, text)));
        return comments(List.of(reportId)).getOrDefault(reportId, List.of()).stream()
                .max(Comparator.comparingLong(Report.Comment::id)).orElseThrow();
    }

    /** The reports on an item, newest period first, lead before contributions; only for those who see details. */
    public List<Report> ofItem(Item item) {
        access.requireDetails(item);
        return load("r.item_id = ?", item.id());
    }

    public Report get(long reportId) {
        return load("r.id = ?", reportId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("report", Long.toString(reportId)));
    }

    /** Whether the lead unit reported on the item for the period. */
    public boolean leadReported(long itemId, String period) {
        return jdbc.sql("select count(*) from sup_report where item_id = ? and period = ? and lead = true")
                .params(itemId, period).query(Long.class).single() > 0;
    }

    private List<Report> load(String where, long param) {
        record Row(long id, long itemId, String period, Unit unit, boolean lead, @Nullable Integer progress,
                   String narrative, int version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {}
        List<Row> rows = jdbc.sql("""
                select r.id, r.item_id, r.period, o.id as org_id, o.code, o.short_zh, o.short_en, r.lead, r.progress,
                       r.narrative, r.version, r.created_at, r.created_by, r.updated_at, r.updated_by
                from sup_report r join organisation o on o.id = r.organisation_id where """ + " " + where)
                .param(param)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("item_id"), rs.getString("period"),
                        new Unit(rs.getLong("org_id"), rs.getString("code"),
                                LocalizedText.of(rs.getString("short_zh"), rs.getString("short_en"))),
                        rs.getBoolean("lead"), rs.getObject("progress", Integer.class), rs.getString("narrative"),
                        rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Report.Attachment>> files = new HashMap<>();
        jdbc.sql("select id, report_id, file_name, content_type, size_bytes, sha256, created_at, created_by "
                        + "from sup_attachment where report_id in (:ids) order by id")
                .param("ids", ids)
                .query((rs, n) -> new Report.Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list().forEach(a -> files.computeIfAbsent(a.reportId(), k -> new ArrayList<>()).add(a));
        Map<Long, List<Report.Comment>> comments = comments(ids);
        Map<Long, List<Report.Version>> versions = new HashMap<>();
        jdbc.sql("select report_id, version, progress, narrative, saved_at, saved_by from sup_report_version "
                        + "where report_id in (:ids) order by report_id, version")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Report.Version(rs.getInt(2), rs.getObject(3, Integer.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6))))
                .list().forEach(e -> versions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream()
                .map(r -> new Report(r.id(), r.itemId(), r.period(), r.unit(), r.lead(), r.progress(), r.narrative(),
                        r.version(), r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy(),
                        files.getOrDefault(r.id(), List.of()), comments.getOrDefault(r.id(), List.of()),
                        versions.getOrDefault(r.id(), List.of())))
                .sorted(Comparator.comparing((Report r) -> Period.parse(r.period()).orElseThrow()).reversed()
                        .thenComparing(r -> !r.lead()).thenComparing(r -> r.unit().code()))
                .toList();
    }

    private Map<Long, List<Report.Comment>> comments(List<Long> reportIds) {
        Map<Long, List<Report.Comment>> comments = new HashMap<>();
        jdbc.sql("select id, report_id, body, created_at, created_by from sup_comment where report_id in (:ids) order by id")
                .param("ids", reportIds)
                .query((rs, n) -> new Report.Comment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list().forEach(c -> comments.computeIfAbsent(c.reportId(), k -> new ArrayList<>()).add(c));
        return comments;
    }
}
