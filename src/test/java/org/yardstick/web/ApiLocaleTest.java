package org.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The one resolver of the API's language (issue 19: the shell's problem details, the collection API and the
 * security filters each had their own): {@code ?lang=} first, then the first of English or Chinese in
 * {@code Accept-Language}, else Chinese, also for a header nobody can read.
 */
class ApiLocaleTest {

    static Locale of(String lang, String header) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/v1/plans");
        if (lang != null) {
            r.setQueryString("lang=" + lang);
            r.setParameter("lang", lang);
        }
        if (header != null) {
            r.addHeader("Accept-Language", header);
        }
        return ApiLocale.of(r);
    }

    @Test
    void theParameterWinsOverTheHeader() {
        assertThat(of("en", "zh-CN")).isEqualTo(Locale.ENGLISH);
        assertThat(of("zh", "en-GB")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void theHeadersFirstOfEnglishOrChineseCounts() {
        assertThat(of(null, "fr-FR, en;q=0.8, zh;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(of(null, "en;q=0.4, zh-CN;q=0.9")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(of(null, "fr-FR")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void withoutALanguageOrWithAnUnreadableHeaderItIsChinese() {
        assertThat(of(null, null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(of(null, "en;q=banana")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
