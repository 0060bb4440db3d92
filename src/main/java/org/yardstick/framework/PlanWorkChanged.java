package org.yardstick.framework;

/**
 * A plan's tasks (主要任务) or key projects (重点工程) were added or changed, by a form, a framework file or
 * the API. Task supervision (督查督办) reacts by creating the items it supervises, so that no page has to
 * write them while it is read.
 *
 * @param planCode the plan whose work changed
 */
public record PlanWorkChanged(String planCode) {}
