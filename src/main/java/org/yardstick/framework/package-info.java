/**
 * Plan frameworks (规划指标体系): documents, plans and their sections, goals, key projects and tasks
 * with their responsible units; the indicator catalogue; targets of every kind; and the framework
 * files (YAML) they are written in.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.framework;
