/**
 * Composite indices (综合指数): the plain-Java engine ({@code engine}), its analyses
 * ({@code analysis}), the analysts' spec and data files ({@code spec}) and batch command
 * ({@code cli}). A closed module: other modules use its root (definitions and results); the
 * application's entry point starts the batch command, exposed as the named interface {@code cli}.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.index;
