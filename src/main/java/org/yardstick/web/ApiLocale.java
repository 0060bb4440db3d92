package org.yardstick.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language an API answer is written in — the one resolver of it, for the shell's problem details
 * ({@link ApiErrors}, {@link ApiRequestErrors}), the security filters' 401/403 answers and every module's API
 * controllers: {@code ?lang=} (of an upload, from its address only), else the first of English or Chinese in
 * {@code Accept-Language}, else Chinese.
 */
public final class ApiLocale {

    private ApiLocale() {}

    public static Locale of(HttpServletRequest request) {
        String lang = LanguageResolver.parameter(request);
        if (lang != null && !lang.isBlank()) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                    String tag = r.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                    if (tag.startsWith("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a header no one can read: the default language
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
