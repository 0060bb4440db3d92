package org.yardstick.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as any instance sees it.
 *
 * @param kind what it does ({@code divisions-import})
 * @param owner the username that started it (only they and administrators read it)
 * @param phase the step it is at ({@code validate}, {@code write}), empty when done
 * @param done units of work done in the phase (rows)
 * @param total units of work in the phase; 0 while unknown
 * @param result what it did, by name (added, updated, unchanged …), when it succeeded
 * @param message why it failed, in a sentence
 * @param problems the first problems of refused input
 */
public record Job(String id, String kind, String owner, JobState state, String phase, long done, long total,
                  Map<String, Long> result, String message, List<Problem> problems, Instant createdAt, Instant updatedAt) {

    /** One problem of refused input: row, field, value, reason. */
    public record Problem(String source, long line, String field, String value, String code, String reason) {}

    public Job {
        result = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
        problems = List.copyOf(problems);
    }

    /** As the API answers it: the job with its per cent done. */
    public record View(String id, String kind, String owner, JobState state, String phase, long done, long total,
                       int percent, Map<String, Long> result, String message, List<Problem> problems,
                       Instant createdAt, Instant updatedAt) {}

    public View view() {
        return new View(id, kind, owner, state, phase, done, total, percent(), result, message, problems, createdAt, updatedAt);
    }

    /** Per cent done in the current phase, 0 while the total is unknown. */
    public int percent() {
        return state == JobState.SUCCEEDED ? 100 : total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
