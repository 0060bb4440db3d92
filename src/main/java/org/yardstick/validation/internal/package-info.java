/** The rules' SQL, their cache, the figure check that applies them, and the figures a report reads. */
@org.jspecify.annotations.NullMarked
package org.yardstick.validation.internal;
