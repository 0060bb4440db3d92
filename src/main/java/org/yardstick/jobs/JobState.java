package org.yardstick.jobs;

/** Where a job is. */
public enum JobState {
    RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this != RUNNING;
    }
}
