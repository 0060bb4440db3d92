/** Pages of validation: the rule list and editor ({@code /rules}) and the report ({@code /rules/report}). */
@org.jspecify.annotations.NullMarked
package org.yardstick.validation.web;
