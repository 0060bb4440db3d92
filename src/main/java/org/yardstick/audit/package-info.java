/**
 * The audit trail (审计日志): who changed what, when, from which value to which, and why — for
 * observations, framework elements and accounts. Append-only; shown as the history of each value
 * and exportable to CSV. Other modules publish {@link org.yardstick.audit.Changed} events inside
 * their transaction; the trail records them in the same transaction, so a change without its record
 * cannot be committed.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.audit;
