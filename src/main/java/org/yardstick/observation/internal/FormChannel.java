package org.yardstick.observation.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yardstick.audit.Changed;

/**
 * The audit channel of a change made in the browser: a change to a data set, a figure or a submission made while
 * serving a page (not under {@code /api/}, which the audit trail marks {@code api} itself) says {@code channel: form},
 * as the framework's and the regions' forms do; a change that names its channel (a framework file: {@code file}) keeps it.
 */
public final class FormChannel {

    private FormChannel() {}

    public static Changed of(Changed c) {
        if (c.changes().stream().anyMatch(f -> f.field().equals("channel"))
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
                || !isPage(request.getRequest().getRequestURI())) {
            return c;
        }
        List<Changed.FieldChange> fields = new ArrayList<>(c.changes());
        fields.add(new Changed.FieldChange("channel", null, "form"));
        return new Changed(c.entityType(), c.entityId(), c.entityKey(), c.action(), c.actor(), fields, c.reason());
    }

    /** A page's path: not the API's, and not the empty path of a call made outside any request (a job, a test's own call). */
    private static boolean isPage(@org.jspecify.annotations.Nullable String uri) {
        return uri != null && uri.startsWith("/") && !uri.startsWith("/api/");
    }

    /** The change with its channel when one is given (a framework file), else as {@link #of(Changed)} says. */
    public static Changed of(Changed c, @org.jspecify.annotations.Nullable String channel) {
        if (channel == null) {
            return of(c);
        }
        List<Changed.FieldChange> fields = new ArrayList<>(c.changes());
        fields.add(new Changed.FieldChange("channel", null, channel));
        return new Changed(c.entityType(), c.entityId(), c.entityKey(), c.action(), c.actor(), fields, c.reason());
    }
}
