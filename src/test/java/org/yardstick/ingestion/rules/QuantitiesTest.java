package org.yardstick.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The number rules one by one: widths, numerals, magnitudes, ranges, units, qualifiers, what is no number. */
class QuantitiesTest {

    static Quantity one(String text) {
        List<Quantity> q = Quantities.find(Widths.normalise(text));
        assertThat(q).as(text).hasSize(1);
        return q.get(0);
    }

    static void is(Quantity q, String value, String unit, String qualifier) {
        assertThat(q.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(q.unit()).isEqualTo(unit);
        assertThat(q.qualifier()).isEqualTo(qualifier);
    }

    @Test
    void halfAndFullWidthDigitsAndPercentReadAlike() {
        is(one("普及率达到７０．５％"), "70.5", "%", "");
        is(one("普及率达到70.5%"), "70.5", "%", "");
        assertThat(Widths.normalise("７０％").length()).isEqualTo(3);
    }

    @Test
    void magnitudesStayInTheUnit() {
        is(one("光缆总长度达到84.3万公里"), "84.3", "万公里", "");
        is(one("收入达到514.21亿元"), "514.21", "亿元", "");
        is(one("光纤到户数超过176万；"), "176", "万", "超过");
        is(one("信息消费规模接近千亿元。"), "1000", "亿元", "接近");
    }

    @Test
    void chineseNumeralsBeforeAMeasureWordAreCounts() {
        is(one("与三个国家实现光缆系统对接"), "3", "个", "");
        is(one("在2010年基础上翻了两番"), "2", "番", "");
        is(one("信息消费总量翻一番"), "1", "番", "");
        is(one("覆盖率达到百分之五十"), "50", "%", "");
        assertThat(ChineseNumerals.parse("一千二百").getAsLong()).isEqualTo(1200);
        assertThat(ChineseNumerals.parse("十二").getAsLong()).isEqualTo(12);
        assertThat(ChineseNumerals.parse("三万").getAsLong()).isEqualTo(30000);
        assertThat(ChineseNumerals.parse("三四").isPresent()).isFalse();
    }

    @Test
    void wordsThatHoldNumeralsAreNotCounts() {
        assertThat(Quantities.find("统一标识，进一步完善，一批旗县，第三方平台，坚持“四个全面”")).isEmpty();
        assertThat(Quantities.find("建立一个平台")).isEmpty();
    }

    @Test
    void numeralBigThingsAreCountsButBigAimsAreNot() {
        is(one("建设数据共享、应用支撑、安全监管三大平台"), "3", "个", "");
        is(one("实施信息惠民十大工程"), "10", "个", "");
        assertThat(Quantities.find("实现脱贫攻坚和乡村振兴两大目标，贯彻五大发展理念")).isEmpty();
        assertThat(Quantities.find("围绕“五大中心”建设")).isEmpty();
    }

    @Test
    void placeNamesThatHoldANumeralAreNoCount() {
        assertThat(Quantities.find("五家渠市智慧城市建设")).isEmpty();
        is(one("新增五家孵化器"), "5", "家", "");
    }

    @Test
    void rangesInEveryForm() {
        Quantity a = one("争取建成1-3个国家级平台");
        is(a, "1", "个", "");
        assertThat(a.valueHigh()).isEqualByComparingTo("3");
        assertThat(one("继续建设6—10条新疆出国光缆").valueHigh()).isEqualByComparingTo("10");
        assertThat(one("继续建设6～10条光缆").valueHigh()).isEqualByComparingTo("10");
        Quantity c = one("门诊量在7500人到8000人");
        is(c, "7500", "人", "");
        assertThat(c.valueHigh()).isEqualByComparingTo("8000");
    }

    @Test
    void qualifiersBeforeAndAfter() {
        is(one("比例超过60%"), "60", "%", "超过");
        is(one("行政村通宽带比例达到98%以上。"), "98", "%", "以上");
        is(one("投资近300亿元"), "300", "亿元", "近");
        is(one("约20个"), "20", "个", "约");
        is(one("20个左右"), "20", "个", "左右");
        is(one("部署57多个部门"), "57", "个", "多");
        is(one("区本级100余个政务部门"), "100", "个", "余");
        is(one("企业不少于3家"), "3", "家", "不少于");
        is(one("两化融合发展指数达到或超过70"), "70", "", "达到或超过");
    }

    @Test
    void yearsDatesAndCodesAreNoQuantities() {
        assertThat(Quantities.find("到2020年，（2017年2月）7月3日")).isEmpty();
        assertThat(Quantities.find("中国制造2025")).isEmpty();
        assertThat(Quantities.find("推进5G网络和IPv6")).isEmpty();
    }

    @Test
    void unitsPerHundredHouseholdsAndBandwidth() {
        is(one("达到2341Gbps"), "2341", "Gbps", "");
        is(one("每百户68台/百户"), "68", "台/百户", "");
    }

    @Test
    void unitsCompareAsTheSameUnitWrittenTwoWays() {
        assertThat(Units.compatible("个百分点", "百分点")).isTrue();
        assertThat(Units.compatible("", "个点")).isTrue();
        assertThat(Units.compatible("万户", "万")).isTrue();
        assertThat(Units.compatible("家", "个")).isTrue();
        assertThat(Units.compatible("亿元", "万元")).isFalse();
        assertThat(Units.compatible("%", "亿元")).isFalse();
    }
}
