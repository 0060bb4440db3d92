package org.yardstick.supervision.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail outbox: messages are queued in the transaction that decides to send them (unique by
 * their key, so never twice), and a job sends the pending ones. Each message is claimed with
 * {@code select … for update skip locked} in its own transaction, sent, and marked sent in the same
 * transaction: two instances never send the same message, a failed send is retried later with a
 * growing delay, and only a crash between the mail server's acceptance and the commit can send one
 * twice. Without a mail server ({@code spring.mail.host} unset) messages wait in the outbox.
 */
@Service
public class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final int BATCH = 100;
    static final Duration MAX_DELAY = Duration.ofHours(6);

    /** How the outbox stands. */
    public record State(boolean mailConfigured, long pending, long failing, long sent) {}

    /** A queued message. */
    public record Message(long id, String recipient, String subject, String body, int attempts, @Nullable Instant sentAt,
                          @Nullable String lastError) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final SupervisionSettings settings;

    public Outbox(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSender,
           SupervisionSettings settings) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.mailSender = mailSender;
        this.settings = settings;
    }

    /** Queues a message unless one with the same key was queued before; in the caller's transaction. */
    boolean enqueue(String key, String recipient, String subject, String body, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                insert into sup_outbox (dedup_key, recipient, subject, body, created_at, next_attempt_at)
                select ?, ?, ?, ?, ?, ? where not exists (select 1 from sup_outbox where dedup_key = ?)""")
                .params(key, recipient, subject, body, at, at, key).update() > 0;
    }

    /** Sends what is due through the configured mail server; nothing if none is configured. */
    public int drain(Instant now) {
        JavaMailSender sender = mailSender.getIfAvailable();
        return sender == null ? 0 : drain(now, sender);
    }

    /** Sends the pending messages due at {@code now}; returns how many were sent. */
    public int drain(Instant now, JavaMailSender sender) {
        List<Long> due = jdbc.sql("select id from sup_outbox where sent_at is null and next_attempt_at <= ? order by id limit ?")
                .params(Timestamp.from(now), BATCH).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            Boolean ok = tx.execute(s -> sendOne(id, now, sender));
            if (Boolean.TRUE.equals(ok)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendOne(long id, Instant now, JavaMailSender sender) {
        record Row(String recipient, String subject, String body, int attempts) {}
        Row r = jdbc.sql("select recipient, subject, body, attempts from sup_outbox where id = ? and sent_at is null "
                        + "for update skip locked")
                .param(id).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional().orElse(null);
        if (r == null) {
            return false; // sent meanwhile, or being sent by another instance
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(settings.mailFrom());
        m.setTo(r.recipient());
        m.setSubject(r.subject());
        m.setText(r.body());
        try {
            sender.send(m);
        } catch (MailException | IllegalStateException e) {
            Duration delay = Duration.ofMinutes(1L << Math.min(r.attempts(), 20));
            if (delay.compareTo(MAX_DELAY) > 0) {
                delay = MAX_DELAY;
            }
            String error = String.valueOf(e.getMessage());
            jdbc.sql("update sup_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                    .params(error.length() > 1000 ? error.substring(0, 1000) : error, Timestamp.from(now.plus(delay)), id)
                    .update();
            LOG.warn("e-mail {} to {} not sent (attempt {}): {}", id, r.recipient(), r.attempts() + 1, error);
            return false;
        }
        jdbc.sql("update sup_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(Timestamp.from(now), id).update();
        return true;
    }

    public State state() {
        long pending = count("sent_at is null");
        long failing = count("sent_at is null and attempts > 0");
        long sent = count("sent_at is not null");
        return new State(mailSender.getIfAvailable() != null, pending, failing, sent);
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from sup_outbox where " + where).query(Long.class).single();
    }

    /** Messages whose key starts with a prefix, oldest first (for tests and support). */
    public List<Message> byKeyPrefix(String prefix) {
        return jdbc.sql("select id, recipient, subject, body, attempts, sent_at, last_error from sup_outbox "
                        + "where dedup_key like ? order by id")
                .param(prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }
}
