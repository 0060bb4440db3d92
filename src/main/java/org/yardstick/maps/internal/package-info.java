/**
 * The maps' machinery, used by its pages only: boundaries read and cached ({@code Boundaries},
 * {@code BoundaryMap}), the figures and view a map shows ({@code MapFigures}, {@code MapView}), and the
 * plain-Java keying of boundary features to regions. The module exports nothing at its root.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.maps.internal;
