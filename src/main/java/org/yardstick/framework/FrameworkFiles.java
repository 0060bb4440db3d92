package org.yardstick.framework;

import org.yardstick.shared.FileSet;
import org.yardstick.shared.InvalidInputException;

/**
 * Loads framework files (documents, disaggregations, indicators, plans; see
 * {@code docs/framework-files.md}). All files are checked before anything is written; a problem
 * anywhere writes nothing.
 */
public interface FrameworkFiles {

    /** How much a load wrote. */
    record Loaded(int documents, int indicators, int plans, int targets, int tasks) {}

    /**
     * Reads and stores the framework files of a file set. Documents, disaggregations and indicators
     * with codes that exist are updated; plans must be new. Every element written is recorded in the
     * audit trail under {@code actor}.
     *
     * @throws InvalidInputException with every problem found, naming file, line and field
     */
    Loaded load(FileSet files, String actor);
}
