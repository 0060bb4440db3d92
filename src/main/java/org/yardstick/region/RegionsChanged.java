package org.yardstick.region;

/**
 * The region tree changed (regions added, moved, retired, or divisions imported): whoever caches trees
 * of regions reads them again. Published in the transaction that changed them.
 *
 * @param what {@code add}, {@code move}, {@code retire}, {@code import}
 */
public record RegionsChanged(String what) {}
