package org.yardstick.progress.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;

/**
 * The targets of the seed plans (../shared/seeds), with the figures the seeds give. Where a test
 * needs a figure the seeds do not give, it says so: such figures are made up for the test only.
 */
class SeedTargetsTest {

    /**
     * 000 line 59: 全区两化融合发展指数达到68 (2020); line 15: 56.96 in 2015; 001 line 16: 59.8 in 2016.
     *
     * <p>By hand: CAGR achieved = 59.8 / 56.96 − 1 = 4.986% a year; CAGR required =
     * (68 / 56.96)^(1/5) − 1 = 3.607% a year; R = 4.986 / 3.607 = 1.382 ≥ 0.95, so on track.
     * Progress = (59.8 − 56.96) / (68 − 56.96) = 2.84 / 11.04 = 25.72%. Straight path in 2016:
     * 56.96 + 11.04 / 5 = 59.168. Required from 2016 on: (68 / 59.8)^(1/4) − 1 = 3.265%.
     * Projections to 2020: line 59.8 + 4 × 2.84 = 71.16; compound 59.8 × 1.04986^4 = 72.65.
     */
    @Test
    void integrationIndexIsOnTrackFor68() {
        TargetTerms t = TargetTerms.value(68, 2015, 2020);
        Series s = Series.empty().with(2010, 43.05).with(2015, 56.96).with(2016, 59.8);

        Assessment a = ProgressRules.assess(t, s);

        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.category()).isEqualTo(SdgCategory.ON_TRACK);
        assertThat(a.asOfYear()).isEqualTo(2016);
        assertThat(a.start()).isEqualTo(Figure.of(2015, 56.96));
        assertThat(a.latest()).isEqualTo(Figure.of(2016, 59.8));
        assertThat(a.progressPercent()).isCloseTo(25.7246, within(1e-3));
        assertThat(a.expected()).isCloseTo(59.168, within(1e-9));
        Rates r = a.rates();
        assertThat(r).isNotNull();
        assertThat(r.basis()).isEqualTo(RateBasis.COMPOUND);
        assertThat(r.achieved()).isCloseTo(4.98596, within(1e-4));
        assertThat(r.required()).isCloseTo(3.60669, within(1e-4));
        assertThat(r.requiredFromLatest()).isCloseTo(3.26471, within(1e-4));
        assertThat(r.ratio()).isCloseTo(1.38242, within(1e-4));
        Projection p = a.projection();
        assertThat(p).isNotNull();
        assertThat(p.points()).isEqualTo(2);
        assertThat(p.linear()).isCloseTo(71.16, within(1e-9));
        assertThat(p.compound()).isCloseTo(72.6484, within(1e-3));
        assertThat(p.low()).isCloseTo(71.16, within(1e-9));
        assertThat(p.high()).isCloseTo(72.6484, within(1e-3));
        assertThat(a.reason().key()).isEqualTo("progress.reason.on-track");
        assertThat(a.reason().english()).isEqualTo("On track: 4.99% a year achieved against 3.61% a year required.");
    }

    /**
     * 002 line 25: 2015年实现电子商务交易总额1481亿元，在2013年710亿元基础上翻了一番. As a target
     * 翻一番 from 2013 by 2015: level 2 × 710 = 1420, met by 1481; progress 771 / 710 = 108.59%
     * (not capped); achieved √(1481/710) − 1 = 44.43% a year against √2 − 1 = 41.42% required.
     */
    @Test
    void eCommerceDoubledAsTheReviewSays() {
        TargetTerms t = TargetTerms.multiple(2, 2013, 2015);
        Series s = Series.empty().with(2013, 710).with(2015, 1481);

        Assessment a = ProgressRules.assess(t, s);

        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        assertThat(a.category()).isEqualTo(SdgCategory.TARGET_ACHIEVED);
        assertThat(a.targetLevel()).isEqualTo(1420.0);
        assertThat(a.progressPercent()).isCloseTo(108.5915, within(1e-3));
        assertThat(a.rates().achieved()).isCloseTo(44.4270, within(1e-3));
        assertThat(a.rates().required()).isCloseTo(41.4214, within(1e-3));
        assertThat(a.reason().english()).isEqualTo("Achieved: 1,481 in 2015 meets the target of 1,420.");
    }

    /** 002 line 54: 信息消费总量翻一番，达到1200亿元 — the seeds give no 2015 figure, so the multiple cannot be assessed. */
    @Test
    void informationConsumptionDoublingHasNoBaseline() {
        TargetTerms t = TargetTerms.multiple(2, 2015, 2020);

        Assessment a = ProgressRules.assess(t, Series.empty());

        assertThat(a.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(a.reason().reason()).isEqualTo(Reason.NO_BASELINE);
        assertThat(a.reason().english()).isEqualTo("Insufficient data: there is no baseline value for 2015.");
    }

    /**
     * 000 line 17: 电子信息制造业主营业务收入达219.25亿元，比2010年增长126.25亿元，年均增速18.7%. The
     * 2010 figure is 219.25 − 126.25 = 93; the CAGR from it, (219.25 / 93)^(1/5) − 1 = 18.71%, is
     * the document's own 18.7%.
     */
    @Test
    void electronicsGrowthRateReproducesTheDocumentsCagr() {
        TargetTerms t = TargetTerms.growthRate(18.7, 2010, 2015);
        Series s = Series.empty().with(2010, 93).with(2015, 219.25);

        Assessment a = ProgressRules.assess(t, s);

        assertThat(a.rates().achieved()).isCloseTo(18.7111, within(1e-3));
        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
    }

    /** 000 line 57: 电子信息制造业主营业务收入达500亿元，年均增长20%以上 — with the 2015 baseline only, no trend yet. */
    @Test
    void electronicsTargetsWithOnlyTheBaselineLackData() {
        Series s = Series.empty().with(2015, 219.25);
        TargetTerms growth = TargetTerms.growthRate(20, 2015, 2020).withQualifier(Qualifier.OVER);
        TargetTerms level = TargetTerms.value(500, 2015, 2020);

        Assessment g = ProgressRules.assess(growth, s);
        Assessment v = ProgressRules.assess(level, s);

        assertThat(g.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(g.reason().english()).isEqualTo("Insufficient data: there is no figure after the baseline year 2015.");
        assertThat(g.targetLevel()).isCloseTo(219.25 * 2.48832, within(1e-9));
        assertThat(v.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(v.reason().reason()).isEqualTo(Reason.NO_LATER_FIGURE);
    }

    /**
     * The same two targets with a 2017 figure of 300 (made up for this test). Achieved:
     * √(300 / 219.25) − 1 = 16.97% a year. Against 年均增长20%以上: R = 16.97 / 20 = 0.849, at risk;
     * against 500 by 2020, required (500 / 219.25)^(1/5) − 1 = 17.93%: R = 0.947, just under 0.95,
     * at risk too. 20% a year implies 219.25 × 1.2^5 = 545.56 in 2020.
     */
    @Test
    void electronicsWithAMadeUpLaterFigureIsAtRiskOnBoth() {
        Series s = Series.empty().with(2015, 219.25).with(2017, 300);

        Assessment g = ProgressRules.assess(TargetTerms.growthRate(20, 2015, 2020).withQualifier(Qualifier.OVER), s);
        Assessment v = ProgressRules.assess(TargetTerms.value(500, 2015, 2020), s);

        assertThat(g.status()).isEqualTo(Status.AT_RISK);
        assertThat(g.rates().required()).isEqualTo(20.0);
        assertThat(g.rates().ratio()).isCloseTo(0.84872, within(1e-4));
        assertThat(g.targetLevel()).isCloseTo(545.564, within(1e-3));
        assertThat(g.reason().english())
                .isEqualTo("At risk: 16.97% a year achieved where 20% a year is required; progress must accelerate.");
        assertThat(v.status()).isEqualTo(Status.AT_RISK);
        assertThat(v.rates().required()).isCloseTo(17.92505, within(1e-4));
        assertThat(v.rates().ratio()).isCloseTo(0.94697, within(1e-4));
    }

    /**
     * 002 line 50: 2020年，两化融合发展指数达到或超过全国平均水平. The seeds give neither Inner
     * Mongolia's index nor the national one: the figures are made up. Gap 2015: 90 − 80 = 10;
     * 2017: 93 − 86 = 7; closed 3 in two years = 1.5 a year against 10 / 5 = 2 a year needed;
     * R = 0.75, at risk; progress 3 / 10 = 30%.
     */
    @Test
    void comparatorGapClosingTooSlowlyIsAtRisk() {
        TargetTerms t = TargetTerms.comparator(2015, 2020);
        Series region = Series.empty().with(2015, 80).with(2017, 86);
        Series national = Series.empty().with(2015, 90).with(2016, 91).with(2017, 93);

        Assessment a = ProgressRules.assess(t, Evidence.of(region).withComparator(national));

        assertThat(a.status()).isEqualTo(Status.AT_RISK);
        assertThat(a.category()).isEqualTo(SdgCategory.ACCELERATION_NEEDED);
        assertThat(a.rates().basis()).isEqualTo(RateBasis.GAP_CLOSING);
        assertThat(a.rates().achieved()).isCloseTo(1.5, within(1e-12));
        assertThat(a.rates().required()).isCloseTo(2.0, within(1e-12));
        assertThat(a.rates().ratio()).isCloseTo(0.75, within(1e-12));
        assertThat(a.rates().requiredFromLatest()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(a.progressPercent()).isCloseTo(30.0, within(1e-9));
        assertThat(a.targetLevel()).isEqualTo(93.0);
        // straight path: gap shrinks to 10 × (1 − 2/5) = 6 in 2017, so 93 − 6 = 87
        assertThat(a.expected()).isCloseTo(87.0, within(1e-9));
        assertThat(a.reason().english()).isEqualTo(
                "At risk: the gap to the comparator is closing by 1.5 a year where 2 a year is required.");
    }

    /** 达到或超过: level with the comparator counts (made-up figures). */
    @Test
    void comparatorReachedWhenLevel() {
        TargetTerms t = TargetTerms.comparator(2015, 2020);
        Series region = Series.empty().with(2015, 80).with(2018, 92.5);
        Series national = Series.empty().with(2015, 90).with(2018, 92.5);

        Assessment a = ProgressRules.assess(t, Evidence.of(region).withComparator(national));

        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        assertThat(a.reason().english())
                .isEqualTo("Achieved: 92.5 in 2018 is level with or better than the comparator's 92.5.");
    }

    /**
     * 004 line 16: 争取建成1-3个国家级"双创"平台示范试点 (2020, against the end of 2015). Aspirational:
     * assessed like any other range, with a note. Counts here are made up.
     */
    @Test
    void nationalPilotRangeOneToThree() {
        TargetTerms t = TargetTerms.range(1, 3, 2015, 2020).withQualifier(Qualifier.STRIVE);

        Assessment none = ProgressRules.assess(t, Series.empty());
        Assessment two = ProgressRules.assess(t, Series.empty().with(2015, 0).with(2018, 2));
        Assessment stuck = ProgressRules.assess(t, Series.empty().with(2015, 0).with(2018, 0));
        Assessment five = ProgressRules.assess(t, Series.empty().with(2015, 0).with(2018, 5));

        assertThat(none.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(none.reason().reason()).isEqualTo(Reason.NO_FIGURES);
        assertThat(two.status()).isEqualTo(Status.ACHIEVED);
        assertThat(two.reason().english()).isEqualTo("Achieved: 2 in 2018 lies within the range 1–3.");
        assertThat(two.hasNote(Reason.NOTE_ASPIRATIONAL)).isTrue();
        // from 0 (taken as 0.001) the nearest end is 1: (1 / 0.001)^(1/5) − 1 required; 0 → 0 is no change, R = 0
        assertThat(stuck.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(stuck.category()).isEqualTo(SdgCategory.LIMITED_PROGRESS);
        assertThat(stuck.rates().basis()).isEqualTo(RateBasis.COMPOUND);
        assertThat(stuck.rates().required()).isCloseTo(100 * (Math.pow(1000, 0.2) - 1), within(1e-9));
        assertThat(stuck.rates().achieved()).isEqualTo(0.0);
        assertThat(stuck.progressPercent()).isEqualTo(0.0);
        assertThat(stuck.hasNote(Reason.NOTE_ZERO_BASE)).isTrue();
        assertThat(stuck.hasNote(Reason.NOTE_DEPARTURE_FLAT_ZERO)).isTrue();
        assertThat(five.status()).isEqualTo(Status.AT_RISK);
        assertThat(five.reason().reason()).isEqualTo(Reason.RANGE_OVERSHOOT);
    }

    /** 004 line 12: 相比2015年底，新产品研发周期缩短10% — the seeds give no 2015 cycle. */
    @Test
    void developmentCycleShortenedTenPercentHasNoBaseline() {
        TargetTerms t = TargetTerms.change(-10, ChangeUnit.PERCENT, 2015, 2020).withPolarity(Polarity.NEGATIVE);

        Assessment nothing = ProgressRules.assess(t, Series.empty());
        Assessment laterOnly = ProgressRules.assess(t, Series.empty().with(2017, 95));

        assertThat(nothing.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(nothing.reason().reason()).isEqualTo(Reason.NO_BASELINE);
        assertThat(laterOnly.status()).isEqualTo(Status.INSUFFICIENT_DATA);
        assertThat(laterOnly.reason().english()).isEqualTo("Insufficient data: there is no baseline value for 2015.");
    }

    /**
     * 缩短10% with a made-up baseline of 100 days and 95 in 2018: level 90; progress 50%;
     * achieved 0.95^(1/3) − 1 = −1.695% a year, required 0.9^(1/5) − 1 = −2.085%;
     * R = −1 × −1.695 / 2.085 = 0.813, at risk.
     */
    @Test
    void developmentCycleWithABaselineIsAtRisk() {
        TargetTerms t = TargetTerms.change(-10, ChangeUnit.PERCENT, 2015, 2020).withPolarity(Polarity.NEGATIVE);

        Assessment a = ProgressRules.assess(t, Series.empty().with(2015, 100).with(2018, 95));

        assertThat(a.targetLevel()).isCloseTo(90.0, within(1e-12));
        assertThat(a.progressPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(a.rates().achieved()).isCloseTo(-1.69524, within(1e-4));
        assertThat(a.rates().required()).isCloseTo(-2.08516, within(1e-4));
        assertThat(a.rates().ratio()).isCloseTo(0.81300, within(1e-4));
        assertThat(a.status()).isEqualTo(Status.AT_RISK);
    }

    /** 004 line 12: 库存周转率提高20% (made-up turnover 5.0 in 2015, 6.1 in 2019: level 6.0, met). */
    @Test
    void inventoryTurnoverRaisedTwentyPercent() {
        TargetTerms t = TargetTerms.change(20, ChangeUnit.PERCENT, 2015, 2020);

        Assessment a = ProgressRules.assess(t, Series.empty().with(2015, 5.0).with(2019, 6.1));

        assertThat(a.targetLevel()).isCloseTo(6.0, within(1e-12));
        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
    }

    /**
     * 000 line 57: 主营业务收入50亿元以上的企业不少于3家 (made-up counts 1 in 2015, then 3 or 2 in 2018).
     * With 2: achieved 2^(1/3) − 1 = 25.99% a year against 3^(1/5) − 1 = 24.57%, R = 1.06, on track.
     */
    @Test
    void atLeastThreeEnterprises() {
        TargetTerms t = TargetTerms.atLeast(3, 2015, 2020);

        assertThat(ProgressRules.assess(t, Series.empty().with(2015, 1).with(2018, 3)).status())
                .isEqualTo(Status.ACHIEVED);
        Assessment two = ProgressRules.assess(t, Series.empty().with(2015, 1).with(2018, 2));
        assertThat(two.kind()).isEqualTo(TargetKind.AT_LEAST);
        assertThat(two.status()).isEqualTo(Status.ON_TRACK);
        assertThat(two.rates().ratio()).isCloseTo(1.0578, within(1e-3));
    }

    /** 000 line 15: 数字化设计工具普及率超过52% — 超过52% meets 达到52%, 近52% would not. */
    @Test
    void overFiftyTwoPercentMeetsFiftyTwo() {
        TargetTerms t = TargetTerms.value(52, 2010, 2015);

        Assessment over = ProgressRules.assess(t, Series.empty().with(2015, 52, Qualifier.OVER));
        Assessment nearly = ProgressRules.assess(t, Series.empty().with(2010, 40).with(2015, 52, Qualifier.NEARLY));

        assertThat(over.status()).isEqualTo(Status.ACHIEVED);
        assertThat(over.hasNote(Reason.NOTE_LOWER_BOUND)).isTrue();
        assertThat(nearly.status()).isEqualTo(Status.NOT_ACHIEVED);
        assertThat(nearly.reason().reason()).isEqualTo(Reason.MISSED);
        assertThat(nearly.hasNote(Reason.NOTE_NEARLY)).isTrue();
    }
}
