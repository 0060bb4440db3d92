/**
 * Validation's machinery, used by its pages and by {@code ValidationRuleFiles}: the rules ({@code ValidationRule},
 * their conditions, operators and directions), the form a rule is written in and read from ({@code RuleForm},
 * {@code RuleReader}), the rules' SQL and cache ({@code ValidationRules}), the evaluator, the figure check that
 * applies them, the validation report and the figures it reads.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.validation.internal;
