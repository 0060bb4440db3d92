/** The command line of the region module: {@code regions import-divisions FILE...}. */
@org.jspecify.annotations.NullMarked
package org.yardstick.region.cli;
