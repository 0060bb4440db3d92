/**
 * Value types every capability speaks in — periods, localized names, input problems — and the
 * line-aware readers of the platform's human-written files (YAML, CSV). Plain Java: no framework
 * types, so that the computation cores may use it too.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.shared;
