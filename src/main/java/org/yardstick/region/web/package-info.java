/** Pages and API of region and organisation authoring, and of the official divisions import. */
@org.jspecify.annotations.NullMarked
package org.yardstick.region.web;
