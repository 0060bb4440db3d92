package org.yardstick.observation;

import org.yardstick.shared.FileSet;
import org.yardstick.shared.InvalidInputException;

/**
 * Loads reported figures with their provenance from a long-form CSV file
 * ({@code observations.csv}; see {@code docs/framework-files.md}). The whole file is checked
 * first; a problem on any row writes nothing.
 */
public interface ObservationFiles {

    /** How much a load wrote. */
    record Loaded(int observations, int sources) {}

    /**
     * @param status the status the figures get (published documents' figures are approved)
     * @param actor who loads them, for the record
     * @throws InvalidInputException with every problem (row, column, value, reason)
     */
    Loaded load(FileSet files, String name, ObservationStatus status, String actor);
}
