package org.yardstick.reading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.observation.Observation;

/**
 * The one formatter of figures for every page ({@code ${@figures.value(...)}}, issue 15 item 8, issue 19):
 * the value with as many decimals as the indicator shows (never fewer than the figure has), its qualifier
 * where the language puts it (超过60%, 60%以上; "over 60%"), and the unit. English readers get units
 * spelled for them: 322.6 万户 is "3.226 million subscribers", 18.7 亿元 "1.87 billion yuan", never
 * "322.6 10,000 subscribers". A target that is a rate (年均增长, 提高20%) is shown in percent, never in the
 * indicator's own unit.
 */
@Component("figures")
public class Figures {

    /** Chinese qualifier words that follow the number and its unit: 60%以上, 200万户左右. */
    private static final Set<String> SUFFIX_WORDS = Set.of("以上", "左右", "以内", "以下", "多", "余");

    /** English units that carry a Chinese magnitude (万, 亿): the factor and the rest of the unit. */
    private record Magnitude(String prefix, BigDecimal factor) {}

    private static final List<Magnitude> MAGNITUDES = List.of(
            new Magnitude("100 million ", new BigDecimal("100000000")),
            new Magnitude("10,000 ", new BigDecimal("10000")),
            new Magnitude("10 thousand ", new BigDecimal("10000")),
            new Magnitude("million ", new BigDecimal("1000000")),
            new Magnitude("thousand ", new BigDecimal("1000")));

    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal BILLION = new BigDecimal("1000000000");

    private final MessageSource messages;

    Figures(MessageSource messages) {
        this.messages = messages;
    }

    /** The number alone, plain (for form inputs): {@code 56.96}, with the indicator's decimals or more. */
    public String number(@Nullable BigDecimal value, int decimals) {
        if (value == null) {
            return "";
        }
        return scaled(value, decimals).toPlainString();
    }

    /**
     * A computed number for reading (a mean, a gap, a change): thousands grouped, rounded to at most
     * {@code decimals} decimals, no trailing zeros ({@code 1,234.5}); empty for null.
     */
    public String rounded(@Nullable Number value, int decimals) {
        if (value == null || (value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return "";
        }
        BigDecimal n = new BigDecimal(value.toString()).setScale(Math.max(0, Math.min(8, decimals)), RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return grouped(n.scale() < 0 ? n.setScale(0) : n);
    }

    /** An observation with its qualifier and unit: {@code 超过60%}, {@code 60%以上}, {@code over 3.226 million subscribers}. */
    public String value(@Nullable Observation o, Indicator indicator, Locale locale) {
        if (o == null) {
            return "";
        }
        return amount(o.value(), indicator.decimals(), indicator.unit().zh(), indicator.unit().en(), o.qualifier(),
                o.qualifierText(), locale);
    }

    /** A computed figure (汇总值), rounded to the indicator's decimals, with its unit. */
    public String computed(@Nullable BigDecimal value, Indicator indicator, Locale locale) {
        if (value == null) {
            return "";
        }
        return amount(value.setScale(indicator.decimals(), RoundingMode.HALF_UP), indicator.decimals(),
                indicator.unit().zh(), indicator.unit().en(), Qualifier.NONE, "", locale);
    }

    /**
     * A target's number with its qualifier and unit. Rates (a growth rate, a change in percent) are in
     * percent and multiples in times, whatever the indicator's unit.
     */
    public String target(Target t, Indicator indicator, Locale locale) {
        if (t.value() == null) {
            return "";
        }
        boolean rate = t.kind() == TargetKind.GROWTH_RATE
                || (t.kind() == TargetKind.CHANGE && t.changeUnit() == ChangeUnit.PERCENT);
        if (rate) {
            return amount(t.value(), 0, "%", "%", t.qualifier(), t.qualifierText(), locale);
        }
        if (t.kind() == TargetKind.MULTIPLE) {
            String times = messages.getMessage("figures.times", null, "×", locale);
            return amount(t.value(), 0, times, times, t.qualifier(), t.qualifierText(), locale);
        }
        if (t.valueHigh() != null) {
            String range = number(t.value(), indicator.decimals()) + "–" + number(t.valueHigh(), indicator.decimals());
            return withQualifier(range, unit(indicator, locale), t.qualifier(), t.qualifierText(), locale);
        }
        return amount(t.value(), indicator.decimals(), indicator.unit().zh(), indicator.unit().en(), t.qualifier(),
                t.qualifierText(), locale);
    }

    /** The unit as a reader of the language writes it after a number: 万户; " subscribers"; "%". */
    public String unit(Indicator indicator, Locale locale) {
        return spaced(indicator.unit().in(locale), locale);
    }

    /**
     * A value with its unit and qualifier, plain Java for every caller: {@code decimals} are the fewest to
     * show; English units with a Chinese magnitude (万, 亿) are converted (thousand, million, billion).
     */
    public String amount(@Nullable BigDecimal value, int decimals, String unitZh, String unitEn, Qualifier q,
                         String qualifierText, Locale locale) {
        if (value == null) {
            return "";
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        if (chinese) {
            return withQualifier(grouped(scaled(value, decimals)), unitZh, q, qualifierText, locale);
        }
        String unit = unitEn.isBlank() ? unitZh : unitEn;
        for (Magnitude m : MAGNITUDES) {
            if (unit.startsWith(m.prefix())) {
                String rest = unit.substring(m.prefix().length());
                BigDecimal shown = scaled(value, decimals);
                BigDecimal full = shown.multiply(m.factor());
                String words;
                BigDecimal named;
                if (full.abs().compareTo(BILLION) >= 0) {
                    words = "billion ";
                    named = BILLION;
                } else if (full.abs().compareTo(MILLION) >= 0) {
                    words = "million ";
                    named = MILLION;
                } else {
                    words = "";
                    named = BigDecimal.ONE;
                }
                // keep the figure's own precision: 322.6 万 is 3.226 million, not 3.2 million
                BigDecimal number = full.divide(named).stripTrailingZeros();
                if (number.scale() < 0) {
                    number = number.setScale(0);
                }
                return withQualifier(grouped(number), " " + words + rest, q, qualifierText, locale);
            }
        }
        return withQualifier(grouped(scaled(value, decimals)), spaced(unit, locale), q, qualifierText, locale);
    }

    private static BigDecimal scaled(BigDecimal value, int decimals) {
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(decimals, Math.max(0, stripped.scale()));
        return value.setScale(Math.min(scale, 8), RoundingMode.HALF_UP);
    }

    /** Thousands grouped (1,234,567.8) the same way in both languages, decimals as given. */
    private static String grouped(BigDecimal n) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(Math.max(0, n.scale()));
        f.setMaximumFractionDigits(Math.max(0, n.scale()));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(n);
    }

    private static String spaced(String unit, Locale locale) {
        if (unit.isEmpty()) {
            return "";
        }
        boolean chinese = "zh".equals(locale.getLanguage());
        return chinese || unit.equals("%") || unit.equals("×") ? unit : " " + unit;
    }

    /** 超过 before the number; 以上 after the number and its unit (60%以上, never 60以上%); English words before. */
    private String withQualifier(String number, String unit, Qualifier q, String word, Locale locale) {
        if (q == Qualifier.NONE) {
            return number + unit;
        }
        if ("zh".equals(locale.getLanguage())) {
            String w = word.isEmpty() ? messages.getMessage("qualifier." + q.name(), null, "", locale) : word;
            return SUFFIX_WORDS.contains(w) ? number + unit + w : w + number + unit;
        }
        return messages.getMessage("qualifier." + q.name(), null, q.name(), locale) + " " + number + unit;
    }
}
