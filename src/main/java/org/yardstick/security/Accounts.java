package org.yardstick.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.security.internal.AccountPrincipal;
import org.yardstick.security.internal.AccountProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * The accounts: look-up, creation and changes by an administrator, each change recorded in the
 * audit trail. Passwords are stored as bcrypt hashes only. An administrator acting through a request
 * manages only the accounts inside their own region and grants only scopes inside it, except that the
 * administrator of a top-level region (全国, or a world region) is the platform's administrator and
 * manages every tree (an analyst's world region beside China included); the platform itself
 * (start-up, the demo) acts without that limit.
 */
@Repository
public class Accounts {

    static final String SELECT = """
            select a.id, a.username, a.display_name, a.role, r.code as region_code, r.path as region_path,
                   o.code as organisation_code, a.enabled, a.demo, a.version
            from account a
            left join organisation o on o.id = a.organisation_id
            left join region r on r.id = coalesce(a.region_id, o.region_id)
            """;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    /** The longest display name: the column's size. */
    static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Regions regions;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Regions regions, Organisations organisations,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.regions = regions;
        this.organisations = organisations;
        this.events = events;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(SELECT + " where a.username = ?").param(username).query(Accounts::map).optional();
    }

    public Account get(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("account", username));
    }

    public List<Account> all() {
        return jdbc.sql(SELECT + " order by a.role, a.username").query(Accounts::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    /**
     * The accounts the acting administrator may manage: those inside their own region (organisation
     * accounts by their organisation's region); all of them when the platform itself asks.
     */
    public List<Account> manageable() {
        Optional<Account> admin = actingAdmin();
        return all().stream().filter(a -> admin.map(ad -> within(a.regionPath(), ad)).orElse(true)).toList();
    }

    /** Whether the acting administrator may see and change this account. */
    public boolean mayManage(Account target) {
        return actingAdmin().map(ad -> within(target.regionPath(), ad)).orElse(true);
    }

    /**
     * Creates an account. An administrator acting through a request may create accounts only inside
     * their own region; the demo's seeded accounts ({@code demo}) skip the password rules.
     *
     * @param actor who creates it, for the audit trail
     * @throws InvalidInputException naming each field that is wrong
     * @throws AccessDeniedException when someone other than an administrator acts through a request
     */
    @Transactional
    public Account create(NewAccount a, String actor) {
        Optional<Account> admin = actingAdmin();
        List<InputProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(a.username()).matches()) {
            problems.add(problem("username", a.username(), AccountProblem.BAD_USERNAME));
        } else if (find(a.username()).isPresent()) {
            problems.add(problem("username", a.username(), AccountProblem.USERNAME_TAKEN));
        }
        checkName(a.displayName(), problems);
        if (!a.demo()) {
            checkPassword(a.password(), problems, a.username(), a.displayName());
        }
        Where where = scope(a.role(), a.regionCode(), a.organisationCode(), problems);
        admin.ifPresent(ad -> checkWithin(where, ad, problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                insert into account (username, display_name, password_hash, role, region_id, organisation_id, enabled, demo,
                                     created_at)
                values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(a.username(), a.displayName().strip(), passwords.encode(a.password()), a.role().name(),
                        where.regionId(), where.organisationId(), a.demo(), Timestamp.from(Instant.now()))
                .update();
        Account created = get(a.username());
        events.publishEvent(Changed.of("account", created.id(), created.username(), "create", actor, "",
                new FieldChange("role", null, created.role().name()),
                new FieldChange("region", null, created.regionCode()),
                new FieldChange("organisation", null, created.organisationCode())));
        return created;
    }

    /**
     * Changes an account's name, role, scope and enabled flag; {@code version} is the version the
     * administrator saw, so that two administrators cannot overwrite each other. A change of role,
     * scope or enabled flag ends the account's open sessions at their next request (its security
     * stamp changes). An administrator may change only accounts inside their own region, and only to
     * a scope inside it — their own included, which they can narrow but not widen.
     *
     * @throws AccessDeniedException when the account is outside the acting administrator's region
     */
    @Transactional
    public Account update(String username, int version, String displayName, Role role, @Nullable String regionCode,
                          @Nullable String organisationCode, boolean enabled, String actor) {
        Optional<Account> admin = actingAdmin();
        Account before = get(username);
        admin.ifPresent(ad -> requireWithin(before, ad));
        List<InputProblem> problems = new ArrayList<>();
        checkName(displayName, problems);
        Where where = scope(role, regionCode, organisationCode, problems);
        admin.ifPresent(ad -> checkWithin(where, ad, problems));
        boolean losesAdmin = before.role() == Role.ADMIN && before.enabled() && (role != Role.ADMIN || !enabled);
        if (losesAdmin && jdbc.sql("select count(*) from account where role = 'ADMIN' and enabled = true")
                .query(Long.class).single() <= 1) {
            problems.add(problem("role", role.name(), AccountProblem.LAST_ADMIN));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("""
                update account set display_name = ?, role = ?, region_id = ?, organisation_id = ?, enabled = ?,
                                   version = version + 1
                where username = ? and version = ?""")
                .params(displayName.strip(), role.name(), where.regionId(), where.organisationId(), enabled, username,
                        version).update();
        if (n == 0) {
            throw new InvalidInputException(problem("version", Integer.toString(version), AccountProblem.STALE));
        }
        Account after = get(username);
        if (before.role() != after.role() || before.enabled() != after.enabled()
                || !Objects.equals(before.regionCode(), after.regionCode())
                || !Objects.equals(before.organisationCode(), after.organisationCode())) {
            endSessions(after.id());
        }
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "displayName", before.displayName(), after.displayName());
        diff(changes, "role", before.role().name(), after.role().name());
        diff(changes, "region", before.regionCode(), after.regionCode());
        diff(changes, "organisation", before.organisationCode(), after.organisationCode());
        diff(changes, "enabled", Boolean.toString(before.enabled()), Boolean.toString(after.enabled()));
        events.publishEvent(new Changed("account", after.id(), username, "update", actor, changes, ""));
        return after;
    }

    /**
     * Sets a new password and ends the account's open sessions; recorded in the audit trail without
     * the password itself.
     *
     * @throws AccessDeniedException when the account is outside the acting administrator's region
     */
    @Transactional
    public void resetPassword(String username, String newPassword, String actor) {
        Optional<Account> admin = actingAdmin();
        Account a = get(username);
        admin.ifPresent(ad -> requireWithin(a, ad));
        List<InputProblem> problems = new ArrayList<>();
        checkPassword(newPassword, problems, a.username(), a.displayName());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update account set password_hash = ?, failed_logins = 0, locked_until = null, version = version + 1 "
                        + "where username = ?")
                .params(passwords.encode(newPassword), username).update();
        endSessions(a.id());
        events.publishEvent(Changed.of("account", a.id(), username, "reset-password", actor, ""));
    }

    /** A new security stamp: sessions (and any other credential) holding the old one are refused from now on. */
    private void endSessions(long accountId) {
        jdbc.sql("update account set security_stamp = security_stamp + 1 where id = ?").param(accountId).update();
    }

    /**
     * The administrator acting through the current request, re-read from the database; empty when
     * the platform itself acts (start-up, the demo, the command line), which is when no
     * authentication exists at all. A request always carries one, anonymous at least.
     */
    private Optional<Account> actingAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        Account admin = auth.getPrincipal() instanceof AccountPrincipal p
                ? find(p.account().username()).orElse(null) : null;
        if (admin == null || admin.role() != Role.ADMIN || !admin.enabled() || admin.regionPath() == null) {
            throw new AccessDeniedException("only an enabled administrator manages accounts");
        }
        return Optional.of(admin);
    }

    private static boolean within(@Nullable String path, Account admin) {
        String own = admin.regionPath();
        return path != null && own != null && (path.startsWith(own) || isTopLevel(own));
    }

    /** A path of one region at the top of its tree: {@code /CN/}. */
    private static boolean isTopLevel(String path) {
        return path.indexOf('/', 1) == path.length() - 1;
    }

    private static void requireWithin(Account target, Account admin) {
        if (!within(target.regionPath(), admin)) {
            throw new AccessDeniedException("account " + target.username() + " is outside the scope of " + admin.username());
        }
    }

    private static void checkWithin(Where where, Account admin, List<InputProblem> problems) {
        if (where.path() != null && !within(where.path(), admin)) {
            problems.add(problem(where.field(), where.code(), AccountProblem.OUTSIDE_SCOPE, admin.regionCode()));
        }
    }

    private static void checkName(String displayName, List<InputProblem> problems) {
        if (displayName.isBlank()) {
            problems.add(problem("displayName", displayName, AccountProblem.NAME_REQUIRED));
        } else if (displayName.strip().length() > MAX_NAME) {
            problems.add(problem("displayName", displayName, AccountProblem.NAME_TOO_LONG, displayName.strip().length(),
                    MAX_NAME));
        }
    }

    private static void checkPassword(String password, List<InputProblem> problems, String... personal) {
        PasswordRules.check(password, personal).ifPresent(r ->
                problems.add(problem("password", "", r.kind(), r.args().toArray())));
    }

    /**
     * Where an account belongs as entered: the ids to store, and the region path with the field and
     * code it came from (null when the input was wrong, which is reported already).
     */
    private record Where(@Nullable Long regionId, @Nullable Long organisationId, @Nullable String path, String field,
                         @Nullable String code) {}

    private Where scope(Role role, @Nullable String regionCode, @Nullable String organisationCode,
                        List<InputProblem> problems) {
        Long regionId = null;
        Organisation organisation = null;
        Region region = null;
        if (organisationCode != null && !organisationCode.isBlank()) {
            Optional<Organisation> o = organisations.find(organisationCode);
            if (o.isEmpty()) {
                problems.add(problem("organisation", organisationCode, AccountProblem.UNKNOWN_ORGANISATION));
            } else {
                organisation = o.get();
            }
        } else if (role.byOrganisation()) {
            problems.add(problem("organisation", "", AccountProblem.NEEDS_ORGANISATION, role.name()));
        }
        if (regionCode != null && !regionCode.isBlank()) {
            Optional<Region> r = regions.find(regionCode);
            if (r.isEmpty()) {
                problems.add(problem("region", regionCode, AccountProblem.UNKNOWN_REGION));
            } else if (!role.byOrganisation()) {
                region = r.get();
                regionId = region.id();
            }
        } else if (!role.byOrganisation()) {
            problems.add(problem("region", "", AccountProblem.NEEDS_REGION, role.name()));
        }
        if (role.byOrganisation()) {
            String path = organisation == null ? null : regions.find(organisation.regionId()).map(Region::path).orElse(null);
            return new Where(null, organisation == null ? null : organisation.id(), path, "organisation", organisationCode);
        }
        return new Where(regionId, null, region == null ? null : region.path(), "region", regionCode);
    }

    private static void diff(List<FieldChange> changes, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static InputProblem problem(String field, @Nullable String value, AccountProblem kind, Object... args) {
        return InputProblem.of("account", 0, field, value, kind, args);
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getString("region_path"),
                rs.getString("organisation_code"), rs.getBoolean("enabled"), rs.getBoolean("demo"), rs.getInt("version"));
    }
}
