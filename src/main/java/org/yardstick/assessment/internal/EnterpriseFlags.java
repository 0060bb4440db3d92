package org.yardstick.assessment.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.assessment.AssessmentStatusChanged;
import org.yardstick.assessment.engine.RegionalProblem;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * Whether an enterprise is a 两化融合管理体系贯标 enterprise (pilot) or a 两化融合示范企业 (demonstration): set by a
 * planner or reviewer of its region or an administrator, with who and when kept on the enterprise and the change in
 * the audit trail; the county's regional indicators are recomputed after the change commits.
 */
@Service
public class EnterpriseFlags {

    /** The flags as stored. */
    public record Flags(String creditCode, boolean pilot, boolean demonstration, @Nullable String setBy,
                        @Nullable OffsetDateTime setAt) {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnterpriseFlags(JdbcClient jdbc, Regions regions, CurrentUser currentUser, ApplicationEventPublisher events,
                    Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    private record Stored(long id, long regionId, String regionCode, boolean pilot, boolean demonstration,
                          @Nullable String setBy, @Nullable OffsetDateTime setAt) {}

    private Stored load(String creditCode) {
        return jdbc.sql("select e.id, e.region_id, r.code, e.pilot, e.demonstration, e.flags_set_by, e.flags_set_at "
                        + "from asm_enterprise e join region r on r.id = e.region_id where e.credit_code = ?")
                .param(creditCode)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("enterprise", creditCode));
    }

    private Account requireManage(Region r) {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        boolean covers = currentUser.scope().map(s -> s.covers(r)).orElse(false);
        if (a.role() != Role.ADMIN && !((a.role() == Role.PLANNER || a.role() == Role.REVIEWER) && covers)) {
            throw new AccessDeniedException("not a planner or reviewer of region " + r.code());
        }
        return a;
    }

    /** An enterprise of the account's region with its flags, as the flags form lists them. */
    public record Listed(String creditCode, String name, String regionCode, String industryCode, boolean pilot,
                         boolean demonstration, @Nullable String setBy, @Nullable OffsetDateTime setAt) {}

    /**
     * The registered enterprises a planner or reviewer may flag: those of the account's region (an administrator's:
     * all), by county and name, at most {@code limit}.
     */
    public List<Listed> inScope(int limit) {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (a.role() != Role.ADMIN && !((a.role() == Role.PLANNER || a.role() == Role.REVIEWER) && a.regionPath() != null)) {
            throw new AccessDeniedException("only planners and reviewers of a region flag enterprises");
        }
        String path = a.role() == Role.ADMIN || a.regionPath() == null ? "/" : a.regionPath();
        return jdbc.sql("select e.credit_code, e.name, r.code, e.industry_code, e.pilot, e.demonstration, e.flags_set_by, "
                        + "e.flags_set_at from asm_enterprise e join region r on r.id = e.region_id where r.path like ? "
                        + "order by r.code, e.name, e.credit_code fetch first " + Math.max(1, limit) + " rows only")
                .param(path + "%")
                .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    public Flags get(String creditCode) {
        Stored s = load(creditCode);
        requireManage(regions.get(s.regionCode()));
        return new Flags(creditCode, s.pilot(), s.demonstration(), s.setBy(), s.setAt());
    }

    /**
     * Sets both flags, saying why. Refused whole (nothing stored) when a flag or the reason is missing.
     *
     * @throws InvalidInputException naming each missing field
     */
    @Transactional
    public Flags set(String creditCode, @Nullable Boolean pilot, @Nullable Boolean demonstration, @Nullable String reason) {
        Stored s = load(creditCode);
        Account a = requireManage(regions.get(s.regionCode()));
        List<InputProblem> problems = new ArrayList<>();
        if (pilot == null) {
            problems.add(InputProblem.of("enterprise", 0, "pilot", "", RegionalProblem.FLAG_REQUIRED));
        }
        if (demonstration == null) {
            problems.add(InputProblem.of("enterprise", 0, "demonstration", "", RegionalProblem.FLAG_REQUIRED));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(InputProblem.of("enterprise", 0, "reason", "", RegionalProblem.REASON_REQUIRED));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (s.pilot() == pilot && s.demonstration() == demonstration) {
            return new Flags(creditCode, s.pilot(), s.demonstration(), s.setBy(), s.setAt());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update asm_enterprise set pilot = ?, demonstration = ?, flags_set_by = ?, flags_set_at = ? where id = ?")
                .params(pilot, demonstration, a.username(), now, s.id()).update();
        events.publishEvent(Changed.of(Enterprises.AUDIT_TYPE, s.id(), creditCode, "update", a.username(), why,
                new FieldChange("pilot", String.valueOf(s.pilot()), String.valueOf(pilot)),
                new FieldChange("demonstration", String.valueOf(s.demonstration()), String.valueOf(demonstration))));
        // the counts of 贯标 / 示范 enterprises of every year the enterprise has a submitted assessment in
        jdbc.sql("select distinct s.questionnaire_id, s.period_year from asm_county_summary s where s.region_id = ?")
                .param(s.regionId()).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                .forEach(k -> events.publishEvent(new AssessmentStatusChanged(0, k[0], s.regionId(), (int) k[1])));
        return new Flags(creditCode, pilot, demonstration, a.username(), now);
    }
}
