/** The plain-Java keying of boundary features to regions. */
@org.jspecify.annotations.NullMarked
package org.yardstick.maps.internal;
