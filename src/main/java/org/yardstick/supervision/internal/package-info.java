/**
 * Supervision's machinery, used by its pages only: reports and reporting periods, attachments (file type
 * sniffing, stores), alerts, the e-mail outbox and contacts, scoreboards, who may see what ({@code Access}),
 * settings, the scheduled jobs and the listener that creates items when a plan's work changes.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.supervision.internal;
