package org.yardstick.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
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
        return UriComponentsBuilder.fromPath(path).query(query)
                .replaceQueryParam(LanguageResolver.PARAM, lang).build().encode().toUriString();
    }
}
