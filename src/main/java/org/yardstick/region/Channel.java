package org.yardstick.region;

/** Through which door a change came: a form of the UI, the API, or a file (CSV, divisions, command line). */
public enum Channel {
    FORM, API, FILE;

    /** As written to the audit trail. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
