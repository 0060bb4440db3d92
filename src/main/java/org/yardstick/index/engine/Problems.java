package org.yardstick.index.engine;

import java.util.ArrayList;
import java.util.List;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.ProblemKind;

/** Collects the problems of one stage (at most {@value #MAX}, enough to fix a file) and throws them together. */
final class Problems {

    static final int MAX = 200;

    private final List<InputProblem> list = new ArrayList<>();

    void add(InputProblem p) {
        if (list.size() < MAX) {
            list.add(p);
        }
    }

    /** A problem with one cell of a panel: its source row and column. */
    void cell(Panel panel, int cell, String column, double value, ProblemKind kind, Object... args) {
        add(InputProblem.of(panel.source(), panel.row(cell), column, Decimals.format(value), kind, args));
    }

    /** A problem with a whole column of a panel. */
    void column(Panel panel, String column, ProblemKind kind, Object... args) {
        add(InputProblem.of(panel.source(), 0, column, null, kind, args));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
