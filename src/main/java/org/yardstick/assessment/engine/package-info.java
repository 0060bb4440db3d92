/**
 * The self-assessment core (两化融合评估计算核心): 统一社会信用代码 check digits, the questionnaire model read from
 * YAML, answer checks, scoring to dimension scores, total and stage, and disclosure control of tables over
 * enterprises. Plain Java: no framework, no database.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.assessment.engine;
