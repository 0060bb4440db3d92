/**
 * Plan ingestion (规划文本导入): a planner pastes or uploads a plan (.txt, .docx, .doc, .pdf with a text
 * layer); the rules ({@code rules}, plain Java) propose its sections, baselines, targets, counts,
 * milestones and tasks, each with its sentence and offsets; the planner reviews them and commits the
 * accepted ones as framework files through the framework import, with the document and sentence as
 * provenance. Proposals are kept in the planner's session until committed: nothing is stored before.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.ingestion;
