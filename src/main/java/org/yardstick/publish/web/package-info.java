/**
 * The public portal's pages: home, plans, indicators, regions with their computed figures, and the formatting of figures.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.publish.web;
