/**
 * Task supervision (督查督办): the tasks and key projects of the plans as supervised items with lead and
 * co-responsible units, deadlines and milestones; periodic status reports with evidence; alerts,
 * notifications, e-mails and daily digests; scoreboards per department and per plan.
 *
 * <p>The root exports what other modules use: {@code Items} and the values it hands out ({@code Item},
 * {@code ItemKind}, {@code ItemStatus}, {@code Unit}, {@code Milestone}); the rest (reports, periods, alerts,
 * outbox, contacts, scoreboards, access, settings) is in {@code internal}, used by this module's pages.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.supervision;
