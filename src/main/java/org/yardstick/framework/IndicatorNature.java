package org.yardstick.framework;

/** Whether an indicator's target is a commitment (指标属性). */
public enum IndicatorNature {
    /** 预期性指标: an expected outcome the government works towards. */
    EXPECTED,
    /** 约束性指标: a binding commitment that must be met; warned about first. */
    BINDING
}
