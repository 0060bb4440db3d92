/**
 * The extraction rules of plan ingestion, plain Java without Spring (testable with {@code new}):
 * width normalisation, numbers (Arabic and Chinese numerals, 万/亿, 百分之), quantities with their
 * ranges, units and qualifiers (限定词), sentences and headings with character offsets, and the rules
 * that read baselines, targets, counts, milestones and tasks (责任单位) from sentences.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.ingestion.rules;
