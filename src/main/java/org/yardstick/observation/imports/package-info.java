/**
 * Imports of figures (数据导入): long-form CSV files and the Excel template, checked row by row
 * with the same rules as the form, written all or nothing in one set-based step.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.observation.imports;
