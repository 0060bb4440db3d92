/**
 * Composite indices (综合指数): the plain-Java engine ({@code engine}), its analyses
 * ({@code analysis}), the analysts' spec and data files ({@code spec}) and batch command
 * ({@code cli}). An open module: the platform uses all four.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.yardstick.index;
