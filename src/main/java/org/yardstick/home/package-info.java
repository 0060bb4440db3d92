/**
 * A home per role (待办): after login every account lands on its worklist — a reporter on the forms
 * due and returned, a reviewer on the submissions waiting, a planner on warnings, stale targets and
 * overdue tasks, a department on its tasks due, an enterprise on what its page will hold. Reads the
 * other modules' public APIs only (observation, supervision, progress); writes nothing.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.home;
