package org.yardstick.observation.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * The problems of one file: each said once (an Excel row with a wrong region is one problem, not one
 * per value cell), at most {@link #LIMIT} kept, so that a wrong file of a million rows cannot fill
 * the memory with its problems — but every one counted, so that the person is told the true total.
 * Memory is bounded whatever the file: beyond the limit a problem is compared only with the one
 * before it (the repeats of one row come one after the other), not remembered.
 */
final class ProblemList {

    static final int LIMIT = 10_000;

    private final int limit;
    private final List<InputProblem> problems = new ArrayList<>();
    private final Set<List<Object>> seen = new HashSet<>();
    private List<Object> last = List.of();
    private long total;

    ProblemList() {
        this(LIMIT);
    }

    ProblemList(int limit) {
        this.limit = limit;
    }

    void add(InputProblem p) {
        List<Object> key = List.of(p.source(), p.line(), p.field(), p.kind());
        if (key.equals(last) || problems.size() < limit && seen.contains(key)) {
            return;
        }
        last = key;
        total++;
        if (problems.size() < limit) {
            seen.add(key);
            problems.add(p);
        }
    }

    void addAll(List<InputProblem> ps) {
        ps.forEach(this::add);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many problems the file has, kept or not. */
    long total() {
        return total;
    }

    /** The problems kept, sorted by row; when some were not kept, a last line says how many there are. */
    List<InputProblem> sorted() {
        List<InputProblem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (total > problems.size()) {
            InputProblem first = problems.get(0);
            sorted.add(InputProblem.of(first.source(), 0, "", null, ImportProblem.TOO_MANY_PROBLEMS, limit, total));
        }
        return sorted;
    }

    /** Throws them all, sorted by row, with the true total, if there are any. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(sorted(), total);
        }
    }
}
