package org.yardstick.framework;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InvalidInputException;

/**
 * Framework files (documents, disaggregations, indicators, plans; see {@code docs/framework-files.md})
 * imported into a running system: merged by code through the one write path ({@link FrameworkChanges}'
 * rules), all files checked before anything is written, applied in one transaction or not at all.
 * Importing the same files again changes nothing. Elements of an imported plan that the files no longer
 * hold are retired; plans not in the files, and the indicator catalogue, are never retired by an import.
 */
public interface FrameworkFiles {

    /** How much a load read. */
    record Loaded(int documents, int indicators, int plans, int targets, int tasks) {}

    /** Per kind of element (indicator, plan, section, goal, key_project, task, target, document, disaggregation). */
    record Count(int added, int changed, int retired, int unchanged) {}

    /** One field's value before and after. */
    record FieldDiff(String field, @Nullable String oldValue, @Nullable String newValue) {}

    /**
     * One element the import adds, changes or retires.
     *
     * @param action {@code added}, {@code changed} or {@code retired}
     * @param key    the element's code; {@code plan/code} for a plan's parts
     */
    record Item(String type, String key, String action, List<FieldDiff> fields) {}

    /**
     * What an import does (or did): counts by kind of element, every element added, changed (field: old → new) or
     * retired, and the plans it concerns (only their parts may be retired).
     */
    record Summary(boolean applied, List<String> plans, Map<String, Count> counts, List<Item> items) {

        public int changes() {
            return items.size();
        }
    }

    /**
     * What importing the files would do, as the account acting (scope as for {@link FrameworkChanges}); writes nothing.
     *
     * @throws InvalidInputException with every problem found, naming file, line and field
     */
    Summary preview(FileSet files, Change how);

    /** Imports the files as the account acting, in one transaction; answers what was done. */
    Summary apply(FileSet files, Change how);

    /**
     * Imports the files as {@code actor} without an account's scope (the demo load, the command line); every
     * element written is recorded in the audit trail under {@code actor}, channel {@code file}.
     *
     * @throws InvalidInputException with every problem found, naming file, line and field
     */
    Loaded load(FileSet files, String actor);

    /**
     * The current framework written back as framework files, by file name ({@code documents.yaml},
     * {@code disaggregations.yaml}, {@code indicators.yaml}, {@code plans/<code>.yaml}); retired elements left out.
     *
     * @param planCodes the plans to write; empty for every plan in force
     */
    Map<String, String> export(List<String> planCodes);
}
