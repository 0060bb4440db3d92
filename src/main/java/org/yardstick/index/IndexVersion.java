package org.yardstick.index;

import java.time.Instant;

/**
 * An entry of a definition's version history.
 *
 * @param version the version number
 * @param origin where it came from: {@code editor}, or the file it was loaded from
 * @param note why it was saved, as the person wrote it
 */
public record IndexVersion(int version, Instant savedAt, String savedBy, String origin, String note) {}
