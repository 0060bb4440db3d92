package org.yardstick.index.engine;

import org.jspecify.annotations.Nullable;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.ProblemKind;

/**
 * Where something was defined: a file, a 1-based line (0 when unknown) and a field path, so that a
 * problem found later (a cycle in the tree, a negative weight) still names its place.
 */
public record Location(String source, long line, String field) {

    /** A location for definitions made in code rather than read from a file. */
    public static Location inCode(String field) {
        return new Location("index", 0, field);
    }

    InputProblem problem(@Nullable String value, ProblemKind kind, Object... args) {
        return InputProblem.of(source, line, field, value, kind, args);
    }
}
