package org.yardstick.observation.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The problems of one file: each said once (an Excel row with a wrong region is one problem, not one
 * per value cell), and at most {@link #LIMIT}, so that a wrong file of a million rows cannot fill
 * the memory with its problems.
 */
final class ProblemList {

    static final int LIMIT = 10_000;

    private final List<InputProblem> problems = new ArrayList<>();
    private final Set<List<Object>> seen = new HashSet<>();
    private boolean overflow;

    void add(InputProblem p) {
        if (!seen.add(List.of(p.source(), p.line(), p.field(), p.kind()))) {
            return;
        }
        if (problems.size() < LIMIT) {
            problems.add(p);
        } else if (!overflow) {
            overflow = true;
            problems.add(InputProblem.of(p.source(), 0, "", null, ImportProblem.TOO_MANY_PROBLEMS, LIMIT));
        }
    }

    void addAll(List<InputProblem> ps) {
        ps.forEach(this::add);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws them all, sorted by row, if there are any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(problems);
            sorted.sort((a, b) -> a.kind() == ImportProblem.TOO_MANY_PROBLEMS ? 1
                    : b.kind() == ImportProblem.TOO_MANY_PROBLEMS ? -1 : Long.compare(a.line(), b.line()));
            throw new InvalidInputException(sorted);
        }
    }
}
