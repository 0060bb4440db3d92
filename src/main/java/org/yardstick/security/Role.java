package org.yardstick.security;

/** What an account may do (角色). The public, without an account, only reads what is published. */
public enum Role {
    /** 系统管理员: manages accounts and everything else. */
    ADMIN,
    /** 规划人员: defines plans, indicators, targets, indices, validation rules; follows progress. */
    PLANNER,
    /** 填报人: enters and imports the figures of their own region, fixes what validation flags, submits. */
    REPORTER,
    /** 审核人: approves or returns the submissions of the regions below their own; reopens approved figures. */
    REVIEWER,
    /** 责任单位: reports progress on the tasks its organisation leads or co-leads. */
    DEPARTMENT,
    /** 企业: answers the enterprise self-assessment. */
    ENTERPRISE;

    /** Whether accounts of this role belong to an organisation rather than a region. */
    public boolean byOrganisation() {
        return this == DEPARTMENT || this == ENTERPRISE;
    }

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
