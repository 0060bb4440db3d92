/**
 * Inside the audit trail: recording changes in the publisher's transaction, and H2's append-only trigger.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.audit.internal;
