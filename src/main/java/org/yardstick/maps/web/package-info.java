/** The public map endpoints: an indicator's figures by area, and the boundaries of a region's areas. */
@org.jspecify.annotations.NullMarked
package org.yardstick.maps.web;
