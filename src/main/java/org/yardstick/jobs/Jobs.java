package org.yardstick.jobs;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The job registry: starts work in the background and keeps its state in the {@code job} table, each
 * update in a transaction of its own so that it is visible while the work's own transaction runs.
 */
@Service
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    static final int MAX_PROBLEMS = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "yardstick-job");
        t.setDaemon(true);
        return t;
    });

    private final org.springframework.context.MessageSource messages;
    private final tools.jackson.databind.json.JsonMapper json;

    Jobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
         org.springframework.context.MessageSource messages, tools.jackson.databind.json.JsonMapper json) {
        this.messages = messages;
        this.json = json;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Starts work in the background and returns the job's id at once. The work returns its result (counts
     * by name); an {@link InvalidInputException} fails the job with its problems, anything else with its message.
     */
    public String submit(String kind, String owner, Function<JobProgress, Map<String, Long>> work) {
        String id = start(kind, owner);
        executor.submit(() -> run(id, work));
        return id;
    }

    /** Runs work as a job on the calling thread (the command line); returns the finished job. */
    public Job runHere(String kind, String owner, Function<JobProgress, Map<String, Long>> work) {
        String id = start(kind, owner);
        run(id, work);
        return find(id).orElseThrow();
    }

    private String start(String kind, String owner) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        own.executeWithoutResult(s -> jdbc.sql("""
                insert into job (id, kind, owner, state, phase, done, total, created_at, updated_at)
                values (?, ?, ?, 'RUNNING', '', 0, 0, ?, ?)""").params(id, kind, owner, now, now).update());
        return id;
    }

    private void run(String id, Function<JobProgress, Map<String, Long>> work) {
        try {
            Map<String, Long> result = work.apply(new Progress(id));
            String text = result.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((a, b) -> a + ";" + b).orElse("");
            own.executeWithoutResult(s -> jdbc.sql("""
                    update job set state = 'SUCCEEDED', phase = '', done = total, result = ?, updated_at = ? where id = ?""")
                    .params(text, Timestamp.from(clock.instant()), id).update());
        } catch (InvalidInputException e) {
            fail(id, e.total() + " problem(s); nothing written", "jobs.refused", List.of(e.total()), e.problems());
        } catch (RuntimeException e) {
            log.warn("job {} failed", id, e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage(), "", List.of(), List.of());
        }
    }

    private void fail(String id, String message, String key, List<Object> args, List<InputProblem> problems) {
        own.executeWithoutResult(s -> {
            jdbc.sql("update job set state = 'FAILED', message = ?, message_key = ?, message_args = ?, updated_at = ? where id = ?")
                    .params(cut(message, 2000), key, json(args, 1000), Timestamp.from(clock.instant()), id).update();
            int seq = 0;
            for (InputProblem p : problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))) {
                jdbc.sql("""
                        insert into job_problem (job_id, seq, source, line, field, input_value, code, reason, args)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, seq++, cut(p.source(), 200), p.line(), cut(p.field(), 100),
                                cut(p.value() == null ? "" : p.value(), 300), p.kind().key(), cut(p.reason(), 1000),
                                json(p.args(), 4000))
                        .update();
            }
        });
    }

    /** Arguments as a JSON array: numbers stay numbers (for {@code {0,number,#}}), anything else becomes its text. */
    private String json(List<Object> args, int max) {
        List<Object> plain = args.stream().map(a -> a instanceof Number ? a : (Object) String.valueOf(a)).toList();
        String text = json.writeValueAsString(plain);
        return text.length() <= max ? text : "[]";
    }

    private List<Object> args(String text) {
        try {
            return json.readValue(text, json.getTypeFactory().constructCollectionType(List.class, Object.class));
        } catch (tools.jackson.core.JacksonException e) {
            return List.of();
        }
    }

    /**
     * The job with its message and problems in this language: each problem's {@code problem.<code>} text with its
     * arguments, the message's key with its arguments; the English stored with them where the bundle has no text.
     */
    public Job inLanguage(Job job, java.util.Locale locale) {
        List<Job.Problem> problems = job.problems().stream().map(p -> new Job.Problem(p.source(), p.line(), p.field(),
                p.value(), p.code(), messages.getMessage("problem." + p.code(), p.args().toArray(), p.reason(), locale), p.args()))
                .toList();
        String message = job.messageKey().isEmpty() ? job.message()
                : messages.getMessage(job.messageKey(), job.messageArgs().toArray(), job.message(), locale);
        return job.with(message, problems);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A job by id. */
    public Optional<Job> find(String id) {
        List<Job.Problem> problems = jdbc.sql(
                        "select source, line, field, input_value, code, reason, args from job_problem where job_id = ? order by seq")
                .param(id).query((rs, n) -> new Job.Problem(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), args(rs.getString(7)))).list();
        return jdbc.sql("select * from job where id = ?").param(id).query((rs, n) -> map(rs, problems)).optional();
    }

    private Job map(ResultSet rs, List<Job.Problem> problems) throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        for (String part : rs.getString("result").split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                result.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        return new Job(rs.getString("id"), rs.getString("kind"), rs.getString("owner"), JobState.valueOf(rs.getString("state")),
                rs.getString("phase"), rs.getLong("done"), rs.getLong("total"), result, rs.getString("message"), problems,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("message_key"), args(rs.getString("message_args")));
    }

    /** Writes progress at most every 1% of the phase (every 5,000 units while the total is unknown). */
    private final class Progress implements JobProgress {
        private final String id;
        private long total;
        private long written;

        Progress(String id) {
            this.id = id;
        }

        @Override
        public void phase(String phase, long total) {
            this.total = total;
            this.written = 0;
            own.executeWithoutResult(s -> jdbc.sql("update job set phase = ?, done = 0, total = ?, updated_at = ? where id = ?")
                    .params(phase, total, Timestamp.from(clock.instant()), id).update());
        }

        @Override
        public void done(long done) {
            long step = total > 0 ? Math.max(1, total / 100) : 5000;
            if (done - written >= step || (total > 0 && done == total && written != done)) {
                written = done;
                own.executeWithoutResult(s -> jdbc.sql("update job set done = ?, updated_at = ? where id = ?")
                        .params(done, Timestamp.from(clock.instant()), id).update());
            }
        }
    }
}
