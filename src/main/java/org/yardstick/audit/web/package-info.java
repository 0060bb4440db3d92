/**
 * The audit trail's pages (审计日志): search and CSV export.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.audit.web;
