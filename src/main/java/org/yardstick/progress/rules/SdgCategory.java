package org.yardstick.progress.rules;

/**
 * The progress categories of Statistics Canada's SDG progress method, as the Open SDG platforms
 * report them. Kept beside our {@link Status} so that no detail of the method is lost; see
 * {@code docs/progress-rules.md} for the mapping.
 */
public enum SdgCategory {
    /** The target is met. */
    TARGET_ACHIEVED(Status.ACHIEVED),
    /** R ≥ 0.95. */
    ON_TRACK(Status.ON_TRACK),
    /** 0.6 ≤ R &lt; 0.95: progress made but acceleration needed. */
    ACCELERATION_NEEDED(Status.AT_RISK),
    /** 0 ≤ R &lt; 0.6: limited progress. */
    LIMITED_PROGRESS(Status.OFF_TRACK),
    /** R &lt; 0: moving away from the target. */
    DETERIORATION(Status.OFF_TRACK);

    /** Ratio thresholds of the method: on track from 0.95, acceleration needed from 0.6, limited from 0. */
    public static final double ON_TRACK_RATIO = 0.95;

    public static final double ACCELERATION_RATIO = 0.60;

    private final Status status;

    SdgCategory(Status status) {
        this.status = status;
    }

    /** Our status for this category while the target year has not passed. */
    public Status status() {
        return status;
    }

    /**
     * The category of a ratio R of achieved to required growth: R ≥ 0.95 on track, 0.6 ≤ R &lt; 0.95
     * acceleration needed, 0 ≤ R &lt; 0.6 limited progress, R &lt; 0 deterioration.
     */
    public static SdgCategory ofRatio(double ratio) {
        if (ratio >= ON_TRACK_RATIO) {
            return ON_TRACK;
        }
        if (ratio >= ACCELERATION_RATIO) {
            return ACCELERATION_NEEDED;
        }
        return ratio >= 0 ? LIMITED_PROGRESS : DETERIORATION;
    }
}
