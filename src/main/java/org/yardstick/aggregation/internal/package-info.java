/**
 * Inside aggregation: rewriting the aggregates of an approval's indicators before it commits, the region tree they walk, the start-up fill.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.aggregation.internal;
