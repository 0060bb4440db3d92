/** The command line of the region module: {@code regions import-divisions FILE...}, called by the application's main. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("cli")
package org.yardstick.region.cli;
