package org.yardstick.framework;

/** What a breakdown of a figure is by. */
public enum DisaggregationDimension {
    /** No breakdown. */
    TOTAL,
    /** 城镇/农村/团场 …. */
    AREA,
    /** 行业. */
    INDUSTRY,
    /** 企业规模. */
    ENTERPRISE_SIZE,
    OTHER,
    /** 交叉分组: a combination of one category per crossed dimension (urban+large), never declared in files. */
    CROSSED
}
