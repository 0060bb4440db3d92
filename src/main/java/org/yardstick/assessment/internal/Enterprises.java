package org.yardstick.assessment.internal;

import java.math.BigDecimal;
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
import org.yardstick.assessment.engine.SizeRule;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
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
            + "e.industry_code, e.size_class, e.above_scale, e.size_stated from asm_enterprise e join region r on r.id = e.region_id "
            + "left join organisation o on o.id = e.organisation_id ";

    private static Enterprise map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Enterprise(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"), rs.getString("org"),
                rs.getString("region"), rs.getString("industry_code"), SizeClass.valueOf(rs.getString("size_class")),
                rs.getBoolean("above_scale"), rs.getBoolean("size_stated"));
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
     * The figures the size class is derived from by the NBS 2017 rule: 从业人员 (persons), 营业收入 and 资产总额
     * (万元); any may be missing, then the stated class is used.
     */
    public record Figures(@Nullable Long employees, @Nullable BigDecimal revenue, @Nullable BigDecimal assets)
            implements java.io.Serializable {
        public static final Figures NONE = new Figures(null, null, null);
    }

    /** A registration that passed its checks, ready to store. */
    record Checked(String code, String name, Region region, String industry, SizeClass size, boolean stated,
                   boolean aboveScale, Figures figures) {}

    /**
     * Registers an enterprise: an enterprise account its own organisation's, once; an administrator any.
     *
     * @throws InvalidInputException naming each wrong field; nothing is stored then
     */
    @Transactional
    public Enterprise register(Registration r) {
        return register(r, Figures.NONE);
    }

    /** As {@link #register(Registration)}, the size class derived from the figures where they suffice. */
    @Transactional
    public Enterprise register(Registration r, Figures figures) {
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
        Checked c = check(r, figures, a, "enterprise", 0, problems);
        if (c != null && jdbc.sql("select count(*) from asm_enterprise where credit_code = ?").param(c.code())
                .query(Integer.class).single() > 0) {
            problems.add(InputProblem.of("enterprise", 0, "creditCode", c.code(), AssessmentProblem.CREDIT_CODE_TAKEN));
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
        if (!problems.isEmpty() || c == null) {
            throw new InvalidInputException(problems);
        }
        return insert(c, orgId, a.username(), null);
    }

    /** The path of the enterprise's county, {@code /CN/65/6501/650102/}, to check an account's region scope. */
    String regionPath(Enterprise e) {
        return regions.get(e.regionCode()).path();
    }

    /** The enterprise with this credit code, if registered. */
    public Optional<Enterprise> byCreditCode(String creditCode) {
        return jdbc.sql(SELECT + "where e.credit_code = ?").param(creditCode).query(Enterprises::map).optional();
    }

    /**
     * Checks a registration's fields (not whether the code or organisation is taken), adding each problem with
     * {@code source} and {@code line}; the region must be a county inside the account's region (administrators
     * anywhere). Returns null when there were problems.
     */
    @Nullable Checked check(Registration r, Figures figures, Account a, String source, long line,
                            List<InputProblem> problems) {
        int before = problems.size();
        String code = CreditCode.normalise(r.creditCode() == null ? "" : r.creditCode());
        CreditCode.fault(code).ifPresent(f -> problems.add(InputProblem.of(source, line, "creditCode", code,
                switch (f) {
                    case LENGTH -> AssessmentProblem.CREDIT_CODE_LENGTH;
                    case CHARACTER -> AssessmentProblem.CREDIT_CODE_CHARACTER;
                    case CHECK_DIGIT -> AssessmentProblem.CREDIT_CODE_CHECK;
                }, f == CreditCode.Fault.CHECK_DIGIT ? String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))) : "")));
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            problems.add(InputProblem.of(source, line, "name", "", AssessmentProblem.REQUIRED));
        } else if (name.length() > 200) {
            problems.add(InputProblem.of(source, line, "name", name, AssessmentProblem.TOO_LONG, 200));
        }
        String regionCode = r.regionCode() == null ? "" : r.regionCode().strip();
        Optional<Region> county = regions.find(regionCode).filter(x -> x.level() == RegionLevel.COUNTY);
        Optional<Region> region = county
                .filter(x -> a.role() == Role.ADMIN || (a.regionPath() != null && x.path().startsWith(a.regionPath())));
        if (county.isPresent() && region.isEmpty()) {
            problems.add(InputProblem.of(source, line, "regionCode", regionCode, AssessmentProblem.OUTSIDE_REGION,
                    a.regionCode() == null ? "" : a.regionCode()));
        } else if (region.isEmpty()) {
            problems.add(InputProblem.of(source, line, "regionCode", regionCode, AssessmentProblem.BAD_REGION));
        }
        String industry = r.industryCode() == null ? "" : r.industryCode().strip().toUpperCase(java.util.Locale.ROOT);
        if (!INDUSTRY.matcher(industry).matches()) {
            problems.add(InputProblem.of(source, line, "industryCode", industry, AssessmentProblem.BAD_INDUSTRY));
        }
        checkFigure(figures.employees() == null ? null : BigDecimal.valueOf(figures.employees()), "employees", source, line, problems);
        checkFigure(figures.revenue(), "revenue", source, line, problems);
        checkFigure(figures.assets(), "totalAssets", source, line, problems);
        Optional<SizeRule.Size> derived = INDUSTRY.matcher(industry).matches()
                ? SizeRule.classify(industry, figures.employees(), figures.revenue(), figures.assets()) : Optional.empty();
        if (derived.isEmpty() && r.sizeClass() == null) {
            problems.add(InputProblem.of(source, line, "sizeClass", "", AssessmentProblem.SIZE_REQUIRED));
        }
        if (problems.size() > before) {
            return null;
        }
        SizeClass size = derived.map(d -> SizeClass.valueOf(d.name())).orElse(r.sizeClass());
        return new Checked(code, name, region.orElseThrow(), industry, size, derived.isEmpty(),
                Boolean.TRUE.equals(r.aboveScale()), figures);
    }

    private static void checkFigure(@Nullable BigDecimal v, String field, String source, long line,
                                    List<InputProblem> problems) {
        if (v != null && v.signum() < 0) {
            problems.add(InputProblem.of(source, line, field, v.toPlainString(), AssessmentProblem.NEGATIVE));
        }
    }

    /** Stores a checked registration and audits it; {@code channel} (e.g. {@code import}) when not the form's. */
    Enterprise insert(Checked c, @Nullable Long orgId, String actor, @Nullable String channel) {
        jdbc.sql("insert into asm_enterprise (credit_code, name, organisation_id, region_id, industry_code, "
                        + "size_class, above_scale, registered_by, registered_at, employees, revenue, total_assets, "
                        + "size_stated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.code(), c.name(), orgId, c.region().id(), c.industry(), c.size().name(), c.aboveScale(), actor,
                        OffsetDateTime.now(clock), c.figures().employees(), c.figures().revenue(),
                        c.figures().assets(), c.stated())
                .update();
        Enterprise e = byCreditCode(c.code()).orElseThrow();
        List<FieldChange> changes = new ArrayList<>(List.of(
                new FieldChange("name", null, c.name()), new FieldChange("regionCode", null, c.region().code()),
                new FieldChange("industryCode", null, c.industry()),
                new FieldChange("sizeClass", null, c.size().name() + (c.stated() ? " (stated)" : " (NBS 2017)")),
                new FieldChange("aboveScale", null, String.valueOf(c.aboveScale()))));
        if (c.figures().employees() != null) {
            changes.add(new FieldChange("employees", null, c.figures().employees().toString()));
        }
        if (c.figures().revenue() != null) {
            changes.add(new FieldChange("revenue", null, c.figures().revenue().toPlainString()));
        }
        if (c.figures().assets() != null) {
            changes.add(new FieldChange("totalAssets", null, c.figures().assets().toPlainString()));
        }
        if (channel != null) {
            changes.add(new FieldChange("channel", null, channel));
        }
        events.publishEvent(new Changed(AUDIT_TYPE, e.id(), c.code(), "create", actor, changes, ""));
        return e;
    }
}
