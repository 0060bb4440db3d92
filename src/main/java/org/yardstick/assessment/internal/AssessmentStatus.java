package org.yardstick.assessment.internal;

/** 草稿 (being answered), 已提交 (submitted, scored), 已退回 (returned by the region's reviewer with a reason). */
public enum AssessmentStatus { DRAFT, SUBMITTED, RETURNED }
