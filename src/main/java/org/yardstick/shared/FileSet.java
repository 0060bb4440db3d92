package org.yardstick.shared;

import java.util.List;
import java.util.Optional;

/**
 * A set of named text files — a directory, or resources inside the application — that a loader
 * reads from. Names are relative paths with forward slashes ({@code plans/xj-info-13fyp.yaml}).
 */
public interface FileSet {

    /** Where the files are, for messages: {@code demo/} or {@code my-plan/}. */
    String label();

    /** The content of a file decoded as UTF-8, or empty if the file does not exist. */
    Optional<String> read(String name);

    /** Names of the files directly in a directory whose names end with a suffix, sorted. */
    List<String> list(String directory, String suffix);

    /** The file name as messages should show it. */
    default String describe(String name) {
        return label() + name;
    }
}
