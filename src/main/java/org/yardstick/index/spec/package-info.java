/**
 * The analysts' files of an index: the definition as YAML (tree, weights, methods of each stage)
 * and the wide data CSV, read with every problem located as file:line:column.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.index.spec;
