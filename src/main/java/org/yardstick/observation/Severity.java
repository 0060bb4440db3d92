package org.yardstick.observation;

/** How serious a validation finding is. */
public enum Severity {
    /** 提示: shown, the figure is saved and may be submitted. */
    WARNING,
    /** 错误: the figure is not saved (or not submitted) until it is fixed. */
    ERROR
}
