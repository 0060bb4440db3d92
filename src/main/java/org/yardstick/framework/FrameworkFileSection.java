package org.yardstick.framework;

import java.util.List;
import java.util.Optional;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InvalidInputException;

/**
 * A framework file that another module owns (today {@code data-sets.yaml}, the observation module's data sets),
 * imported and exported with the framework: merged by code in the import's transaction, after the catalogue and the
 * plans it may refer to, so that its preview, refusal and rollback are the import's. What it writes is audited with
 * {@link org.yardstick.audit.Changed} events, which is what the import's summary lists.
 */
public interface FrameworkFileSection {

    /** The file's name in a framework folder ({@code data-sets.yaml}). */
    String file();

    /** The kind of element it holds, as the summary counts it ({@code data_set}). */
    String kind();

    /**
     * Merges the file of the set, if there is one, by code; answers how many elements it holds.
     *
     * @param checkScope whether the account acting must be allowed to write each element (false for the demo load)
     * @throws InvalidInputException every problem, naming file, line, field and reason; nothing is kept
     */
    int merge(FileSet files, String actor, Change how, boolean checkScope);

    /**
     * The file as it would be written now, elements in force only; empty when there is nothing to write.
     *
     * @param planCodes the plans exported; empty for everything
     */
    Optional<String> export(List<String> planCodes);
}
