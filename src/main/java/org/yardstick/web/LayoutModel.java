package org.yardstick.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the page layout needs on every page: the links that switch the language of this page. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    /** The current page in Chinese. */
    @ModelAttribute("switchToChinese")
    String switchToChinese(HttpServletRequest request) {
        return sameWith(request, "zh");
    }

    /** The current page in English. */
    @ModelAttribute("switchToEnglish")
    String switchToEnglish(HttpServletRequest request) {
        return sameWith(request, "en");
    }

    static String sameWith(HttpServletRequest request, String lang) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String query = errorUri != null ? null : request.getQueryString();
        if (errorUri == null && !"GET".equals(request.getMethod())) {
            // a page answering a form (a refused entry): its address takes only POST, so switch the
            // page the form was on, when the browser says which one of ours it was
            URI form = sameSite(request.getHeader(HttpHeaders.REFERER), request.getServerName());
            if (form != null) {
                try {
                    return UriComponentsBuilder.fromPath(form.getRawPath()).query(form.getRawQuery())
                            .replaceQueryParam(LanguageResolver.PARAM, lang).build(true).toUriString();
                } catch (IllegalArgumentException notEncoded) {
                    // java.net.URI lets through what an address may not hold ("?x=[1]"): the page then,
                    // without the query; or the home page
                    try {
                        return UriComponentsBuilder.fromPath(form.getRawPath())
                                .replaceQueryParam(LanguageResolver.PARAM, lang).build(true).toUriString();
                    } catch (IllegalArgumentException stillNot) {
                        // fall through to the home page
                    }
                }
            }
            return UriComponentsBuilder.fromPath("/").replaceQueryParam(LanguageResolver.PARAM, lang).build()
                    .toUriString();
        }
        return UriComponentsBuilder.fromPath(path).query(query)
                .replaceQueryParam(LanguageResolver.PARAM, lang).build().encode().toUriString();
    }

    private static @Nullable URI sameSite(@Nullable String referer, String host) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(host);
            return ours && uri.getRawPath() != null && uri.getRawPath().startsWith("/") ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
