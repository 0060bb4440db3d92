package org.yardstick.observation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yardstick.observation.ValueComment;

/** The reviewer's per-value comments of a submission, replaced as a whole on each return. */
@Repository
public class ValueCommentStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ValueCommentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Indicator code → comment, in indicator code order. */
    public Map<String, ValueComment> of(long submissionId) {
        Map<String, ValueComment> out = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, body, author, created_at from submission_value_comment where submission_id = ?"
                        + " order by indicator_code")
                .param(submissionId)
                .query((rs, n) -> new ValueComment(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list().forEach(c -> out.put(c.indicatorCode(), c));
        return out;
    }

    /** Replaces the submission's comments by these (indicator code → text, none blank). */
    public void replace(long submissionId, Map<String, String> comments, String author) {
        jdbc.sql("delete from submission_value_comment where submission_id = ?").param(submissionId).update();
        Timestamp now = Timestamp.from(clock.instant());
        comments.forEach((code, body) -> jdbc.sql("insert into submission_value_comment"
                        + " (submission_id, indicator_code, body, author, created_at) values (?, ?, ?, ?, ?)")
                .params(submissionId, code, body, author, now).update());
    }
}
