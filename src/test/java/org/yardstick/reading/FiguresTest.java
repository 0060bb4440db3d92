package org.yardstick.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.Target;
import org.yardstick.framework.TargetKind;
import org.yardstick.shared.LocalizedText;

/** The one formatter of figures, in Chinese and English, for every unit the demo's indicators use. */
class FiguresTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;

    final Figures figures = new Figures(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        m.setAlwaysUseMessageFormat(true);
        return m;
    }

    String zh(String value, int decimals, String unitZh, String unitEn) {
        return figures.amount(new BigDecimal(value), decimals, unitZh, unitEn, Qualifier.NONE, "", ZH);
    }

    String en(String value, int decimals, String unitZh, String unitEn) {
        return figures.amount(new BigDecimal(value), decimals, unitZh, unitEn, Qualifier.NONE, "", EN);
    }

    @Test
    void chineseUnitsFollowTheNumberAndQualifierWordsTheirPlace() {
        assertThat(zh("322.6", 1, "万户", "10,000 subscribers")).isEqualTo("322.6万户");
        assertThat(zh("18.7", 2, "亿元", "100 million yuan")).isEqualTo("18.70亿元");
        assertThat(figures.amount(new BigDecimal("60"), 0, "%", "%", Qualifier.OVER, "以上", ZH)).isEqualTo("60%以上");
        assertThat(figures.amount(new BigDecimal("60"), 0, "%", "%", Qualifier.OVER, "超过", ZH)).isEqualTo("超过60%");
        assertThat(figures.amount(new BigDecimal("200"), 0, "万户", "10,000 households", Qualifier.ABOUT, "左右", ZH))
                .isEqualTo("200万户左右");
        assertThat(figures.amount(new BigDecimal("60"), 0, "%", "%", Qualifier.OVER, "以上", EN)).isEqualTo("over 60%");
    }

    @Test
    void englishReadersGetUnitsSpelledForThem() {
        assertThat(en("322.6", 1, "万户", "10,000 subscribers")).isEqualTo("3.226 million subscribers");
        assertThat(en("18.7", 2, "亿元", "100 million yuan")).isEqualTo("1.87 billion yuan");
        assertThat(en("0.5", 1, "亿元", "100 million yuan")).isEqualTo("50 million yuan");
        assertThat(en("5.2", 1, "万户", "10,000 households")).isEqualTo("52,000 households");
        assertThat(en("1234", 0, "万门", "10,000 lines")).isEqualTo("12.34 million lines");
        assertThat(en("56.96", 2, "", "points")).isEqualTo("56.96 points");
        assertThat(en("12", 0, "个", "platforms")).isEqualTo("12 platforms");
        assertThat(en("95.5", 1, "%", "%")).isEqualTo("95.5%");
    }

    @Test
    void decimalsFollowTheIndicatorAndNeverHideTheFigures() {
        assertThat(zh("59.8", 2, "", "points")).isEqualTo("59.80");
        assertThat(zh("59.875", 2, "", "points")).isEqualTo("59.875");
        assertThat(zh("1234567.5", 1, "人", "persons")).isEqualTo("1,234,567.5人");
        assertThat(figures.number(new BigDecimal("1234.5"), 2)).isEqualTo("1234.50");
    }

    /** Computed numbers (means, gaps, changes on the comparison and trajectory pages): grouped, rounded, no trailing zeros. */
    @Test
    void computedNumbersAreRoundedAndGrouped() {
        assertThat(figures.rounded(1234.5678, 2)).isEqualTo("1,234.57");
        assertThat(figures.rounded(-0.5, 0)).isEqualTo("-1");
        assertThat(figures.rounded(12.10, 2)).isEqualTo("12.1");
        assertThat(figures.rounded(1200.0, 2)).isEqualTo("1,200");
        assertThat(figures.rounded(new BigDecimal("56.960"), 1)).isEqualTo("57");
        assertThat(figures.rounded(null, 2)).isEmpty();
        assertThat(figures.rounded(Double.NaN, 2)).isEmpty();
    }

    /** Every unit pair the demo's indicators use: the Chinese unit follows the number, no English unit keeps a 万 or 亿. */
    @Test
    void everyDemoUnitReadsRightInBothLanguages() {
        List<String[]> units = List.of(new String[] {"%", "%"}, new String[] {"亿元", "100 million yuan"},
                new String[] {"家", "enterprises"}, new String[] {"", "points"}, new String[] {"万户", "10,000 subscribers"},
                new String[] {"个", "platforms"}, new String[] {"Mbps", "Mbps"}, new String[] {"Gbps", "Gbps"},
                new String[] {"项", "projects"}, new String[] {"部/百户", "per 100 households"}, new String[] {"条", "routes"},
                new String[] {"座", "cities"}, new String[] {"处", "sites"}, new String[] {"名", "experts"},
                new String[] {"台/百户", "per 100 households"}, new String[] {"人", "persons"}, new String[] {"万门", "10,000 lines"},
                new String[] {"万户", "10,000 users"}, new String[] {"万户", "10,000 households"});
        for (String[] u : units) {
            String z = zh("322.6", 1, u[0], u[1]);
            assertThat(z).as(u[0]).isEqualTo("322.6" + u[0]);
            String e = en("322.6", 1, u[0], u[1]);
            assertThat(e).as(u[1]).doesNotContain("10,000 ").doesNotContain("100 million ").startsWith("3");
            String plural = u[1].replaceFirst("^(10,000|100 million) ", "");
            assertThat(e).as(u[1]).endsWith(plural);
        }
    }

    /** Property: the English figure times its named magnitude is the Chinese figure times 万, to the last digit. */
    @Test
    void englishMagnitudesKeepTheValueExactly() {
        qt().forAll(longs().between(0, 99_999_999_999L), integers().between(0, 3)).checkAssert((raw, decimals) -> {
            BigDecimal value = BigDecimal.valueOf(raw, decimals);
            String text = figures.amount(value, decimals, "万户", "10,000 subscribers", Qualifier.NONE, "", EN);
            String[] parts = text.split(" ");
            BigDecimal number = new BigDecimal(parts[0].replace(",", ""));
            BigDecimal factor = switch (parts[1]) {
                case "billion" -> new BigDecimal("1000000000");
                case "million" -> new BigDecimal("1000000");
                default -> BigDecimal.ONE;
            };
            assertThat(number.multiply(factor)).isEqualByComparingTo(value.multiply(new BigDecimal("10000")));
            assertThat(text).endsWith(" subscribers");
            String chinese = figures.amount(value, decimals, "万户", "10,000 subscribers", Qualifier.NONE, "", ZH);
            assertThat(new BigDecimal(chinese.replace("万户", "").replace(",", ""))).isEqualByComparingTo(value);
        });
    }

    @Test
    void aGrowthRateIsInPercentNeverInTheIndicatorsCurrency() {
        var indicator = new org.yardstick.framework.Indicator(1, "GDP_DIGITAL", LocalizedText.of("数字经济增加值", "Digital economy"),
                LocalizedText.of("亿元", "100 million yuan"), org.yardstick.framework.Polarity.values()[0],
                org.yardstick.framework.Aggregation.values()[0], null, null, null,
                org.yardstick.framework.IndicatorNature.values()[0], 2, LocalizedText.of("", ""), null,
                org.yardstick.framework.IncompleteAggregate.values()[0], null, null, null);
        Target growth = target(TargetKind.GROWTH_RATE, new BigDecimal("18.7"), null);
        assertThat(figures.target(growth, indicator, ZH)).isEqualTo("18.7%").doesNotContain("亿元");
        assertThat(figures.target(growth, indicator, EN)).isEqualTo("18.7%");
        Target change = target(TargetKind.CHANGE, new BigDecimal("20"), ChangeUnit.PERCENT);
        assertThat(figures.target(change, indicator, ZH)).isEqualTo("20%");
        Target level = target(TargetKind.VALUE, new BigDecimal("18.7"), null);
        assertThat(figures.target(level, indicator, ZH)).isEqualTo("18.70亿元");
        assertThat(figures.target(level, indicator, EN)).isEqualTo("1.87 billion yuan");
    }

    static Target target(TargetKind kind, BigDecimal value, ChangeUnit unit) {
        return new Target(1, 1, "t", "GDP_DIGITAL", "65", "", kind, Qualifier.NONE, "", value, null, unit, null, null,
                2020, 2025, LocalizedText.of("", ""), null, null);
    }
}
