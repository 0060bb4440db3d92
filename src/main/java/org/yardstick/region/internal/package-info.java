/**
 * Inside regions: loading region files and the NBS division codes, and transliterating names.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.region.internal;
