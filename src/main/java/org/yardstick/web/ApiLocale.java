package org.yardstick.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The language an API answer is written in, for controllers of other modules: as {@link ApiErrors} chooses it. */
public final class ApiLocale {

    private ApiLocale() {}

    /** {@code ?lang=}, else {@code Accept-Language}, else Chinese. */
    public static Locale of(HttpServletRequest request) {
        return ApiErrors.locale(request);
    }
}
