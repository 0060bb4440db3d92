package org.yardstick.region;

/** What kind of unit an organisation is. */
public enum OrganisationKind {
    /** 厅/局 of a regional government. */
    DEPARTMENT,
    /** 委员会: 发改委, 经信委. */
    COMMISSION,
    /** 局/办 directly under a government, or a regulator's regional branch. */
    AGENCY,
    /** A central-government body's regional office (国家税务局, 通信管理局). */
    STATE_BODY,
    /** 企业. */
    ENTERPRISE,
    /** 协会, 工会. */
    ASSOCIATION,
    OTHER
}
