package org.yardstick.assessment.engine;

/** How a question is answered: one option, several options, a number with its unit, or yes/no. */
public enum QuestionKind { SINGLE, MULTIPLE, NUMBER, YES_NO }
