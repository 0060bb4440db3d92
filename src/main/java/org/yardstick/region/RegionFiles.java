package org.yardstick.region;

import org.yardstick.shared.FileSet;
import org.yardstick.shared.InvalidInputException;

/**
 * Loads {@code regions.yaml} (regions without an official code, English names of official ones)
 * and {@code organisations.yaml}; see {@code docs/framework-files.md}. Everything is checked before
 * anything is written.
 */
public interface RegionFiles {

    /** How much a load wrote. */
    record Loaded(int regions, int englishNames, int organisations) {}

    /** @throws InvalidInputException with every problem found, naming file, line and field */
    Loaded load(FileSet files);
}
