/** Supervision's machinery: file type sniffing and the scheduled jobs. */
@org.jspecify.annotations.NullMarked
package org.yardstick.supervision.internal;
