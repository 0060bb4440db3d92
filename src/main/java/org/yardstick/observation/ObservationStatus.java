package org.yardstick.observation;

/** Where an observation is in the approval workflow (审核状态). */
public enum ObservationStatus {
    /** 草稿: entered, not yet submitted. */
    DRAFT,
    /** 已提交: waiting for review. */
    SUBMITTED,
    /** 已审核: approved and locked; the only status the public, indices and progress see. */
    APPROVED,
    /** 已退回: returned to the reporter with a reason. */
    RETURNED
}
