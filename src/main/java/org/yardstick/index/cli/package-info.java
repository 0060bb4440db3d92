/** The analysts' batch command {@code index compute --spec … --data … --out …}. */
@org.jspecify.annotations.NullMarked
package org.yardstick.index.cli;
