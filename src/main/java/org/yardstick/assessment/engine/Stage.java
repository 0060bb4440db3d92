package org.yardstick.assessment.engine;

/** The four stages of 两化融合 of GB/T 23020, in order. */
public enum Stage {
    /** 起步建设 */
    STARTING,
    /** 单项覆盖 */
    SINGLE_COVERAGE,
    /** 集成提升 */
    INTEGRATION,
    /** 创新突破 */
    INNOVATION
}
