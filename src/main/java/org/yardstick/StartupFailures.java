package org.yardstick;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.yardstick.shared.InvalidInputException;

/**
 * Explains the two start-up failures a person can fix themselves, without a stack trace: a demo or
 * framework file with problems (file, line, field, reason), and a database that cannot be reached.
 */
class StartupFailures implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        InvalidInputException invalid = find(failure, InvalidInputException.class);
        if (invalid != null) {
            String problems = invalid.problems().stream().map(p -> "  " + p.describe())
                    .collect(Collectors.joining("\n"));
            return new FailureAnalysis("A framework or demo file has " + invalid.problems().size()
                    + " problem(s); nothing was loaded:\n" + problems,
                    "Correct the files named above (format: docs/framework-files.md) and start again.", invalid);
        }
        Throwable unreachable = unreachableDatabase(failure);
        if (unreachable != null) {
            return new FailureAnalysis("The database cannot be reached: " + unreachable.getMessage(),
                    "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that "
                            + "the PostgreSQL server is running and accepts connections (docs/operations.md). "
                            + "Without these variables Yardstick uses its embedded H2 database under ./data.",
                    unreachable);
        }
        return null;
    }

    private static Throwable unreachableDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("28P01")
                    || sql.getSQLState().equals("3D000"))) {
                return t;
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
