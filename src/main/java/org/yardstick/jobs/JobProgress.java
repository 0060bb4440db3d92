package org.yardstick.jobs;

/** What running work tells its job: the phase it entered and how far it is in it. */
public interface JobProgress {

    /** Enters a phase of {@code total} units (0 if not known yet). */
    void phase(String phase, long total);

    /** Units done in the current phase; cheap to call for every row (written at most every 1% or second). */
    void done(long done);

    /** Progress that goes nowhere, for work run outside a job (the command line prints its own). */
    JobProgress NONE = new JobProgress() {
        @Override
        public void phase(String phase, long total) {}

        @Override
        public void done(long done) {}
    };
}
