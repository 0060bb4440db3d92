package org.yardstick.assessment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.assessment.engine.AssessmentProblem;
import org.yardstick.assessment.engine.CreditCode;
import org.yardstick.audit.Changed;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** The enterprises that assess themselves: registered by their own enterprise account (or an administrator). */
@Service
public class Enterprises {

    static final String AUDIT_TYPE = "enterprise";
    private static final Pattern INDUSTRY = Pattern.compile("[A-T]|\\d{2,4}");

    /** What a registration gives; {@code organisationCode} only when an administrator registers for one. */
    public record Registration(
            @Nullable String creditCode, @Nullable String name, @Nullable String regionCode,
            @Nullable String industryCode, @Nullable SizeClass sizeClass, @Nullable Boolean aboveScale,
            @Nullable String organisationCode) implements java.io.Serializable {}

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enterprises(JdbcClient jdbc, Regions regions, Organisations organisations, CurrentUser currentUser,
                ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    private static final String SELECT = "select e.id, e.credit_code, e.name, o.code as org, r.code as region, "
            + "e.industry_code, e.size_class, e.above_scale from asm_enterprise e join region r on r.id = e.region_id "
            + "left join organisation o on o.id = e.organisation_id ";

    private static Enterprise map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"), rs.getString("org"),
                rs.getString("region"), rs.getString("industry_code"), SizeClass.valueOf(rs.getString("size_class")),
                rs.getBoolean("above_scale"));
    }

    public Optional<Enterprise> find(long id) {
        return jdbc.sql(SELECT + "where e.id = ?").param(id).query(Enterprises::map).optional();
    }

    /** The enterprise of the signed-in enterprise account, if its organisation has registered one. */
    public Optional<Enterprise> mine() {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (a.organisationCode() == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + "where o.code = ?").param(a.organisationCode()).query(Enterprises::map).optional();
    }

    /**
     * Registers an enterprise: an enterprise account its own organisation's, once; an administrator any.
     *
     * @throws InvalidInputException naming each wrong field; nothing is stored then
     */
    @Transactional
    public Enterprise register(Registration r) {
        Account a = currentUser.account().orElseThrow(() -> new AccessDeniedException("not signed in"));
        String org;
        if (a.role() == Role.ENTERPRISE) {
            org = a.organisationCode();
        } else if (a.role() == Role.ADMIN) {
            org = r.organisationCode() == null || r.organisationCode().isBlank() ? null : r.organisationCode();
        } else {
            throw new AccessDeniedException("only enterprise accounts and administrators register enterprises");
        }
        List<InputProblem> problems = new ArrayList<>();
        String code = CreditCode.normalise(r.creditCode() == null ? "" : r.creditCode());
        CreditCode.fault(code).ifPresent(f -> problems.add(InputProblem.of("enterprise", 0, "creditCode", code,
                switch (f) {
                    case LENGTH -> AssessmentProblem.CREDIT_CODE_LENGTH;
                    case CHARACTER -> AssessmentProblem.CREDIT_CODE_CHARACTER;
                    case CHECK_DIGIT -> AssessmentProblem.CREDIT_CODE_CHECK;
                }, f == CreditCode.Fault.CHECK_DIGIT ? String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))) : "")));
        if (problems.isEmpty() && jdbc.sql("select count(*) from asm_enterprise where credit_code = ?").param(code)
                .query(Integer.class).single() > 0) {
            problems.add(InputProblem.of("enterprise", 0, "creditCode", code, AssessmentProblem.CREDIT_CODE_TAKEN));
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            problems.add(InputProblem.of("enterprise", 0, "name", "", AssessmentProblem.REQUIRED));
        } else if (name.length() > 200) {
            problems.add(InputProblem.of("enterprise", 0, "name", name, AssessmentProblem.TOO_LONG, 200));
        }
        String regionCode = r.regionCode() == null ? "" : r.regionCode().strip();
        Optional<Region> region = regions.find(regionCode)
                .filter(x -> x.level() == RegionLevel.COUNTY)
                .filter(x -> a.role() == Role.ADMIN || (a.regionPath() != null && x.path().startsWith(a.regionPath())));
        if (region.isEmpty()) {
            problems.add(InputProblem.of("enterprise", 0, "regionCode", regionCode, AssessmentProblem.BAD_REGION));
        }
        String industry = r.industryCode() == null ? "" : r.industryCode().strip().toUpperCase(java.util.Locale.ROOT);
        if (!INDUSTRY.matcher(industry).matches()) {
            problems.add(InputProblem.of("enterprise", 0, "industryCode", industry, AssessmentProblem.BAD_INDUSTRY));
        }
        if (r.sizeClass() == null) {
            problems.add(InputProblem.of("enterprise", 0, "sizeClass", "", AssessmentProblem.REQUIRED));
        }
        Long orgId = null;
        if (org != null) {
            var o = organisations.find(org);
            if (o.isEmpty()) {
                problems.add(InputProblem.of("enterprise", 0, "organisationCode", org, AssessmentProblem.REQUIRED));
            } else {
                orgId = o.get().id();
                if (jdbc.sql("select count(*) from asm_enterprise where organisation_id = ?").param(orgId)
                        .query(Integer.class).single() > 0) {
                    problems.add(InputProblem.of("enterprise", 0, "organisationCode", org,
                            AssessmentProblem.ALREADY_REGISTERED));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean above = Boolean.TRUE.equals(r.aboveScale());
        jdbc.sql("insert into asm_enterprise (credit_code, name, organisation_id, region_id, industry_code, "
                        + "size_class, above_scale, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, name, orgId, region.get().id(), industry, r.sizeClass().name(), above, a.username(),
                        OffsetDateTime.now(clock))
                .update();
        Enterprise e = jdbc.sql(SELECT + "where e.credit_code = ?").param(code).query(Enterprises::map).single();
        events.publishEvent(Changed.of(AUDIT_TYPE, e.id(), code, "create", a.username(), "",
                new FieldChange("name", null, name), new FieldChange("regionCode", null, regionCode),
                new FieldChange("industryCode", null, industry), new FieldChange("sizeClass", null, r.sizeClass().name()),
                new FieldChange("aboveScale", null, String.valueOf(above))));
        return e;
    }
}
