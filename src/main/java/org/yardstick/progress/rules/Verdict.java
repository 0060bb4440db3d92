package org.yardstick.progress.rules;

/** A person's judgement of a qualitative milestone. */
public enum Verdict {
    ACHIEVED(Status.ACHIEVED),
    ON_TRACK(Status.ON_TRACK),
    AT_RISK(Status.AT_RISK),
    OFF_TRACK(Status.OFF_TRACK);

    private final Status status;

    Verdict(Status status) {
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
