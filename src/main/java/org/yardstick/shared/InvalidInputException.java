package org.yardstick.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input was rejected; carries every problem found (not just the first), so that a person can fix a
 * file in one pass. Whoever throws it has written nothing.
 */
public class InvalidInputException extends RuntimeException {

    private static final int MAX_PROBLEMS_IN_MESSAGE = 20;

    private final List<InputProblem> problems;
    private final long total;

    public InvalidInputException(List<InputProblem> problems) {
        this(problems, problems.size());
    }

    /**
     * Problems of which only the first were kept: {@code total} says how many there were in all, so
     * that a person is told the true count of a file with a million wrong rows.
     */
    public InvalidInputException(List<InputProblem> problems, long total) {
        super(summary(problems, Math.max(total, problems.size())));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.total = Math.max(total, problems.size());
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    /**
     * Runs a step, adding the problems it throws to {@code into} instead of stopping: for readers
     * that report every problem of a file at once.
     */
    public static void collect(List<InputProblem> into, Runnable step) {
        try {
            step.run();
        } catch (InvalidInputException e) {
            into.addAll(e.problems());
        }
    }

    public List<InputProblem> problems() {
        return problems;
    }

    /** How many problems the input has: at least {@code problems().size()}, more when only the first were kept. */
    public long total() {
        return total;
    }

    private static String summary(List<InputProblem> problems, long total) {
        String listed = problems.stream()
                .limit(MAX_PROBLEMS_IN_MESSAGE)
                .map(InputProblem::describe)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        long more = total - Math.min(problems.size(), MAX_PROBLEMS_IN_MESSAGE);
        return total + " problem(s) in input:" + listed + (more > 0 ? "\n  … and " + more + " more" : "");
    }
}
