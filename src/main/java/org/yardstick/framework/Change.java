package org.yardstick.framework;

/**
 * How and why a framework element is changed: the channel it came through (a form, a framework file,
 * the API), the reason the person gives (required to adjust a target or to retire anything), and whether
 * a refusal that may be overridden (retiring an indicator that has figures, changing an indicator's unit)
 * is overridden on purpose.
 *
 * @param channel where the change came from; recorded in the audit trail and the target's history
 * @param reason  why, in the person's words; empty where none is required
 * @param force   override a refusal that names {@link FrameworkProblem#FORCE_NEEDED}; needs a reason
 */
public record Change(Channel channel, String reason, boolean force) {

    /** Where a change came from (渠道). */
    public enum Channel { FORM, FILE, API }

    public Change {
        reason = reason == null ? "" : reason.strip();
    }

    public static Change form(String reason) {
        return new Change(Channel.FORM, reason, false);
    }

    public static Change api(String reason) {
        return new Change(Channel.API, reason, false);
    }

    public static Change file(String reason) {
        return new Change(Channel.FILE, reason, false);
    }

    /** The same change, overriding refusals that may be overridden. */
    public Change forced() {
        return new Change(channel, reason, true);
    }
}
