/**
 * The framework's web adapters: the API writes for framework elements and framework files
 * ({@code /api/v1/indicators}, {@code /api/v1/plans/…}, {@code /api/v1/frameworks}) and the
 * {@code /frameworks} page (upload, preview, apply, export).
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.framework.web;
