package org.yardstick.framework;

/** What a source document is. */
public enum DocumentKind {
    /** 规划. */
    PLAN,
    /** 实施意见, 指导意见. */
    OPINION,
    /** 工作总结, 回顾. */
    REVIEW,
    /** 新闻报道. */
    NEWS,
    /** 统计公报, 统计年鉴. */
    STATISTICS,
    OTHER
}
