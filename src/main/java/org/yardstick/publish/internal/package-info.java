/**
 * Inside publication: the plan sheets behind the plan pages.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.publish.internal;
