package org.yardstick.supervision;

/** What a supervised item is in its plan. */
public enum ItemKind {
    /** 主要任务. */
    TASK,
    /** 重点工程. */
    KEY_PROJECT
}
