package org.yardstick.shared;

import java.util.Locale;

/**
 * A text in the platform's two languages: Chinese (the users' own, always present) and English.
 *
 * @param zh the Chinese text (简体中文)
 * @param en the English text; blank falls back to Chinese
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        zh = zh == null ? "" : zh;
        en = en == null ? "" : en;
    }

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    /** The text for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            return zh;
        }
        return en.isBlank() ? zh : en;
    }

    @Override
    public String toString() {
        return zh;
    }
}
