/**
 * Inside data collection: the stored figures as the form reads and locks them ({@code FigureStore}), the form's
 * editor ({@code ObservationEditor}), bulk review, the audit channel of a page's change ({@code FormChannel}),
 * the problems of figures, data sets and staleness, and the loader of figure files.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.observation.internal;
