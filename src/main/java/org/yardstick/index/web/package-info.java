/**
 * The index pages: the list of indices, an index's page (published figures, scores, ranks,
 * regional comparison, tree, decomposition, contributions, rank uncertainty), its version history,
 * and the definition editor for planners.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.index.web;
