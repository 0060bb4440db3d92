/**
 * Task supervision (督查督办): the tasks and key projects of the plans as supervised items with lead and
 * co-responsible units, deadlines and milestones; periodic status reports with evidence; alerts,
 * notifications, e-mails and daily digests; scoreboards per department and per plan.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.supervision;
