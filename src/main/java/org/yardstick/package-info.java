/**
 * Yardstick (信息化规划监测评估平台): the application and its modules, one package per capability;
 * see docs/architecture.md for where everything lives.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick;
