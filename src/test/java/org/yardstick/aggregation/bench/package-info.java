/** The benchmark of live aggregation on PostgreSQL at national scale (bench/aggregation-live.sh). */
@org.jspecify.annotations.NullMarked
package org.yardstick.aggregation.bench;
