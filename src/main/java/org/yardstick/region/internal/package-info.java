/**
 * Inside regions: loading region files and the NBS division codes, transliterating names, and the problems
 * found in region input ({@code RegionProblem}).
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.region.internal;
