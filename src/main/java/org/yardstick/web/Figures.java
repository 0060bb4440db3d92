package org.yardstick.publish.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Target;
import org.yardstick.observation.Observation;

/**
 * Formats figures for pages ({@code ${@figures.value(...)}}): the value with as many decimals as the
 * indicator shows (never fewer than the figure has), its qualifier where the language puts it
 * (超过60 / 60以上; "over 60"), and the unit.
 */
@Component("figures")
public class Figures {

    /** Chinese qualifier words that follow the number. */
    private static final Set<String> SUFFIX_WORDS = Set.of("以上", "左右", "以内", "以下", "多", "余");

    private final MessageSource messages;

    Figures(MessageSource messages) {
        this.messages = messages;
    }

    /** The number alone, e.g. {@code 56.96}. */
    public String number(@Nullable BigDecimal value, int decimals) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(decimals, Math.max(0, stripped.scale()));
        BigDecimal shown = value.setScale(Math.min(scale, 8), RoundingMode.HALF_UP);
        return shown.toPlainString();
    }

    /** An observation with its qualifier and unit: {@code 超过60%} or {@code over 60 %}. */
    public String value(@Nullable Observation o, Indicator indicator, Locale locale) {
        if (o == null) {
            return "";
        }
        return withQualifier(number(o.value(), indicator.decimals()), o.qualifier(), o.qualifierText(), locale)
                + unit(indicator, locale);
    }

    /** A computed figure (汇总值), rounded to the indicator's decimals, with its unit. */
    public String computed(@Nullable BigDecimal value, Indicator indicator, Locale locale) {
        if (value == null) {
            return "";
        }
        return value.setScale(indicator.decimals(), RoundingMode.HALF_UP).toPlainString() + unit(indicator, locale);
    }

    /** A target's number with its qualifier and unit (for kinds that carry a level). */
    public String target(Target t, Indicator indicator, Locale locale) {
        String n = number(t.value(), indicator.decimals());
        if (t.valueHigh() != null) {
            n = n + "–" + number(t.valueHigh(), indicator.decimals());
        }
        return withQualifier(n, t.qualifier(), t.qualifierText(), locale) + unit(indicator, locale);
    }

    /** The unit, preceded by a space in English. */
    public String unit(Indicator indicator, Locale locale) {
        String u = indicator.unit().in(locale);
        if (u.isEmpty()) {
            return "";
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        return chinese || u.equals("%") ? u : " " + u;
    }

    private String withQualifier(String number, Qualifier q, String word, Locale locale) {
        if (q == Qualifier.NONE) {
            return number;
        }
        if ("zh".equals(locale.getLanguage())) {
            String w = word.isEmpty() ? messages.getMessage("qualifier." + q.name(), null, "", locale) : word;
            return SUFFIX_WORDS.contains(w) ? number + w : w + number;
        }
        return messages.getMessage("qualifier." + q.name(), null, q.name(), locale) + " " + number;
    }
}
