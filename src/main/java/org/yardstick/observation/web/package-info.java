/**
 * Data entry and review pages (填报、审核): the county form with live validation, the review queue, a figure's history.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.observation.web;
