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
 * @param message why it failed, in a sentence (English as stored; {@link Jobs#inLanguage} puts it in the reader's)
 * @param problems the first problems of refused input
 * @param messageKey the message's key in the bundle, empty for a failure without one (an exception's message)
 * @param messageArgs the message's arguments
 */
public record Job(String id, String kind, String owner, JobState state, String phase, long done, long total,
                  Map<String, Long> result, String message, List<Problem> problems, Instant createdAt, Instant updatedAt,
                  String messageKey, List<Object> messageArgs) {

    /**
     * One problem of refused input: row, field, value, reason; {@code code} is its key in the bundle
     * ({@code problem.<code>}), {@code args} the arguments of its text.
     */
    public record Problem(String source, long line, String field, String value, String code, String reason, List<Object> args) {
        public Problem {
            args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        }
    }

    public Job {
        result = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(result));
        problems = List.copyOf(problems);
        messageArgs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(messageArgs));
    }

    /** The same job with another message and problems (in another language). */
    Job with(String message, List<Problem> problems) {
        return new Job(id, kind, owner, state, phase, done, total, result, message, problems, createdAt, updatedAt,
                messageKey, messageArgs);
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
