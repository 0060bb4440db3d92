/**
 * What pages of other modules use to mark computed figures (汇总值): the {@code computedFigures} bean
 * and the fragment {@code aggregation/mark}.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.aggregation.web;
