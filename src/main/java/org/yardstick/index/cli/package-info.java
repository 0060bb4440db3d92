/** The analysts' batch command {@code index compute --spec … --data … --out …}, started by the application's entry point. */
@org.springframework.modulith.NamedInterface("cli")
@org.jspecify.annotations.NullMarked
package org.yardstick.index.cli;
