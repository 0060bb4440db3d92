package org.yardstick.assessment.internal;

/** An enterprise's size class (企业规模: 大型 / 中型 / 小型 / 微型), as the enterprise states it. */
public enum SizeClass { LARGE, MEDIUM, SMALL, MICRO }
