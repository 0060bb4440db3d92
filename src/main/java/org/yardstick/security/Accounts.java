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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * The accounts: look-up, creation and changes by an administrator, each change recorded in the
 * audit trail. Passwords are stored as bcrypt hashes only.
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
    static final int MIN_PASSWORD = 10;

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
     * Creates an account.
     *
     * @param actor who creates it, for the audit trail
     * @throws InvalidInputException naming each field that is wrong
     */
    @Transactional
    public Account create(NewAccount a, String actor) {
        List<InputProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(a.username()).matches()) {
            problems.add(problem("username", a.username(), AccountProblem.BAD_USERNAME));
        } else if (find(a.username()).isPresent()) {
            problems.add(problem("username", a.username(), AccountProblem.USERNAME_TAKEN));
        }
        if (a.displayName().isBlank()) {
            problems.add(problem("displayName", a.displayName(), AccountProblem.NAME_REQUIRED));
        }
        if (a.password().length() < MIN_PASSWORD) {
            problems.add(problem("password", "", AccountProblem.WEAK_PASSWORD));
        }
        Long[] scope = scope(a.role(), a.regionCode(), a.organisationCode(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                insert into account (username, display_name, password_hash, role, region_id, organisation_id, enabled, demo,
                                     created_at)
                values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(a.username(), a.displayName().strip(), passwords.encode(a.password()), a.role().name(), scope[0],
                        scope[1], a.demo(), Timestamp.from(Instant.now()))
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
     * administrator saw, so that two administrators cannot overwrite each other.
     */
    @Transactional
    public Account update(String username, int version, String displayName, Role role, @Nullable String regionCode,
                          @Nullable String organisationCode, boolean enabled, String actor) {
        Account before = get(username);
        List<InputProblem> problems = new ArrayList<>();
        if (displayName.isBlank()) {
            problems.add(problem("displayName", displayName, AccountProblem.NAME_REQUIRED));
        }
        Long[] scope = scope(role, regionCode, organisationCode, problems);
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
                .params(displayName.strip(), role.name(), scope[0], scope[1], enabled, username, version).update();
        if (n == 0) {
            throw new InvalidInputException(problem("version", Integer.toString(version), AccountProblem.STALE));
        }
        Account after = get(username);
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "displayName", before.displayName(), after.displayName());
        diff(changes, "role", before.role().name(), after.role().name());
        diff(changes, "region", before.regionCode(), after.regionCode());
        diff(changes, "organisation", before.organisationCode(), after.organisationCode());
        diff(changes, "enabled", Boolean.toString(before.enabled()), Boolean.toString(after.enabled()));
        events.publishEvent(new Changed("account", after.id(), username, "update", actor, changes, ""));
        return after;
    }

    /** Sets a new password; recorded in the audit trail without the password itself. */
    @Transactional
    public void resetPassword(String username, String newPassword, String actor) {
        Account a = get(username);
        if (newPassword.length() < MIN_PASSWORD) {
            throw new InvalidInputException(problem("password", "", AccountProblem.WEAK_PASSWORD));
        }
        jdbc.sql("update account set password_hash = ?, failed_logins = 0, locked_until = null, version = version + 1 "
                        + "where username = ?")
                .params(passwords.encode(newPassword), username).update();
        events.publishEvent(Changed.of("account", a.id(), username, "reset-password", actor, ""));
    }

    private Long[] scope(Role role, @Nullable String regionCode, @Nullable String organisationCode,
                         List<InputProblem> problems) {
        Long regionId = null;
        Long organisationId = null;
        if (organisationCode != null && !organisationCode.isBlank()) {
            Optional<Organisation> o = organisations.find(organisationCode);
            if (o.isEmpty()) {
                problems.add(problem("organisation", organisationCode, AccountProblem.UNKNOWN_ORGANISATION));
            } else {
                organisationId = o.get().id();
            }
        } else if (role.byOrganisation()) {
            problems.add(problem("organisation", "", AccountProblem.NEEDS_ORGANISATION, role.name()));
        }
        if (regionCode != null && !regionCode.isBlank()) {
            Optional<Region> r = regions.find(regionCode);
            if (r.isEmpty()) {
                problems.add(problem("region", regionCode, AccountProblem.UNKNOWN_REGION));
            } else if (!role.byOrganisation()) {
                regionId = r.get().id();
            }
        } else if (!role.byOrganisation()) {
            problems.add(problem("region", "", AccountProblem.NEEDS_REGION, role.name()));
        }
        return new Long[] {regionId, role.byOrganisation() ? organisationId : null};
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
