/**
 * The web shell: page layout, language (Chinese by default, English on request), error pages, and
 * the browser assets every page shares. Pages themselves live with their capability, in its
 * {@code web} sub-package.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.web;
