package org.yardstick.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.audit.Changed;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * Personal access tokens (个人访问令牌): a signed-in user creates, lists and revokes their own. A token
 * is {@code ys_} and 256 random bits (base64url); only its SHA-256 hash is stored, so it is shown once,
 * at creation. It acts as its account with the account's current role and scope (re-read on every
 * request), and is refused once revoked, past its expiry date (valid through that day in the
 * platform's time zone) or while the account is disabled. A password change revokes nothing: tokens
 * are separate credentials, revoked one by one. Creating and revoking are recorded in the audit trail.
 */
@Repository
public class ApiTokens {

    /** What every token starts with, so that secret scanners and people recognise it. */
    public static final String PREFIX = "ys_";
    /** How many characters of a token are kept in clear to tell tokens apart: {@code ys_} and 6 more. */
    static final int SHOWN = PREFIX.length() + 6;
    static final int MAX_NAME = 100;
    static final int MAX_ACTIVE = 20;

    /**
     * A token as its owner sees it in the list: never the token itself, only its first characters.
     *
     * @param expiresAt the first moment it is no longer valid; null if it never expires
     */
    public record ApiToken(long id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
                           @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

        /** {@code active}, {@code expired} or {@code revoked}, for the list. */
        public String state(Instant now) {
            if (revokedAt != null) {
                return "revoked";
            }
            return expiresAt != null && !now.isBefore(expiresAt) ? "expired" : "active";
        }
    }

    /** A token just created: {@code secret} is the token itself, to be shown this once and never again. */
    public record CreatedToken(ApiToken token, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The SHA-256 of a token, in hex: what is stored and looked up. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The signed-in account's tokens, newest first, revoked ones included. */
    public List<ApiToken> mine() {
        return jdbc.sql("""
                select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_token
                where account_id = ? order by created_at desc, id desc""")
                .param(me().id()).query(ApiTokens::map).list();
    }

    /**
     * Creates a token for the signed-in account.
     *
     * @param expiresOn the last day it is valid (in the platform's time zone); null for no expiry
     * @throws InvalidInputException naming each field that is wrong
     */
    @Transactional
    public CreatedToken create(String name, @Nullable LocalDate expiresOn) {
        Account me = me();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<InputProblem> problems = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            problems.add(problem("name", name, TokenProblem.NAME_REQUIRED));
        } else if (n.length() > MAX_NAME) {
            problems.add(problem("name", name, TokenProblem.NAME_TOO_LONG, n.length(), MAX_NAME));
        }
        if (expiresOn != null && expiresOn.isBefore(today)) {
            problems.add(problem("expiresOn", expiresOn.toString(), TokenProblem.EXPIRY_PAST, today.toString()));
        }
        long active = jdbc.sql("select count(*) from api_token where account_id = ? and revoked_at is null "
                        + "and (expires_at is null or expires_at > ?)")
                .params(me.id(), Timestamp.from(now)).query(Long.class).single();
        if (active >= MAX_ACTIVE) {
            problems.add(problem("name", name, TokenProblem.TOO_MANY, active + 1, MAX_ACTIVE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        jdbc.sql("""
                insert into api_token (account_id, name, prefix, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(me.id(), n, secret.substring(0, SHOWN), hash(secret), Timestamp.from(now),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        ApiToken created = jdbc.sql("""
                select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_token
                where token_hash = ?""").param(hash(secret)).query(ApiTokens::map).single();
        events.publishEvent(Changed.of("api_token", created.id(), me.username() + "/" + created.prefix(), "create",
                me.username(), "", new FieldChange("name", null, n),
                new FieldChange("expiresOn", null, expiresOn == null ? null : expiresOn.toString())));
        return new CreatedToken(created, secret);
    }

    /**
     * Revokes one of the signed-in account's tokens; at once, on every instance.
     *
     * @throws NotFoundException when the account has no such token (another account's tokens included)
     */
    @Transactional
    public void revoke(long id) {
        Account me = me();
        ApiToken t = jdbc.sql("""
                select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_token
                where id = ? and account_id = ? for update""")
                .params(id, me.id()).query(ApiTokens::map).optional()
                .orElseThrow(() -> new NotFoundException("token", Long.toString(id)));
        if (t.revokedAt() != null) {
            return;
        }
        jdbc.sql("update api_token set revoked_at = ? where id = ?").params(Timestamp.from(clock.instant()), id).update();
        events.publishEvent(Changed.of("api_token", id, me.username() + "/" + t.prefix(), "revoke", me.username(), "",
                new FieldChange("revoked", "false", "true")));
    }

    private Account me() {
        return currentUser.account().orElseThrow(() -> new AccessDeniedException("tokens belong to a signed-in account"));
    }

    private static InputProblem problem(String field, @Nullable String value, TokenProblem kind, Object... args) {
        return InputProblem.of("token", 0, field, value, kind, args);
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
