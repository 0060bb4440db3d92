package org.yardstick.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The interface language: {@code ?lang=en} or {@code ?lang=zh} on any URL switches and is
 * remembered in a cookie; without either, Chinese (zh-CN), the users' language. Reading the
 * parameter here rather than in an interceptor makes it work on error pages too.
 */
final class LanguageResolver implements LocaleResolver {

    static final String PARAM = "lang";
    static final String COOKIE = "yardstick-lang";
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale fromParam = parse(parameter(request));
        if (fromParam != null) {
            return fromParam;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName())) {
                    Locale fromCookie = parse(c.getValue());
                    if (fromCookie != null) {
                        return fromCookie;
                    }
                }
            }
        }
        return CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (response == null) {
            return;
        }
        Cookie c = new Cookie(COOKIE, locale == null ? "zh" : locale.getLanguage());
        c.setPath("/");
        c.setHttpOnly(true);
        c.setMaxAge(locale == null ? 0 : 365 * 24 * 3600);
        c.setAttribute("SameSite", "Lax");
        response.addCookie(c);
    }

    /**
     * The {@code lang} parameter. Of an upload (multipart), from its address only: looking in the
     * body would make the server read and spool the whole upload, on error pages too (an upload
     * refused before it was read).
     */
    static @Nullable String parameter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return request.getParameter(PARAM);
        }
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(PARAM + "=")) {
                return pair.substring(PARAM.length() + 1);
            }
        }
        return null;
    }

    static @Nullable Locale parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "en", "en-us", "en_us", "en-gb" -> Locale.ENGLISH;
            case "zh", "zh-cn", "zh_cn", "zh-hans" -> CHINESE;
            default -> null;
        };
    }
}
