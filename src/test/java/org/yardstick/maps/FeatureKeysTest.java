package org.yardstick.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yardstick.maps.internal.FeatureKeys;

/** Boundary features find their regions by code (an adcode's trailing zeros dropped), else by name. */
class FeatureKeysTest {

    final FeatureKeys xinjiang = new FeatureKeys(Map.of(
            "6501", "乌鲁木齐市", "6502", "克拉玛依市", "6505", "哈密市", "6590", "自治区直辖县级行政区划",
            "659001", "石河子市", "650102", "天山区"));

    @Test
    void adcodesOfPrefecturesAndCountyLevelCities() {
        assertThat(xinjiang.key("650100", "乌鲁木齐市")).isEqualTo("6501");
        assertThat(xinjiang.key("659001", "石河子市")).isEqualTo("659001");
        assertThat(xinjiang.key("650102", null)).isEqualTo("650102");
        assertThat(xinjiang.key("6502", "")).isEqualTo("6502");
    }

    @Test
    void anOutdatedCodeFallsBackToTheName() {
        // 哈密 became a prefecture-level city in 2016: 6505, while the echarts file still says 652200
        assertThat(xinjiang.key("652200", "哈密市")).isEqualTo("6505");
    }

    @Test
    void aShortNameMatchesTheOneRegionItBegins() {
        FeatureKeys china = new FeatureKeys(Map.of("65", "新疆维吾尔自治区", "15", "内蒙古自治区", "11", "北京市"));
        assertThat(china.key("650000", "新疆")).isEqualTo("65");
        assertThat(china.key(null, "内蒙古")).isEqualTo("15");
        assertThat(china.key("710000", "台湾")).isNull();
    }

    @Test
    void anAmbiguousOrUnknownFeatureDrawsNoRegion() {
        FeatureKeys two = new FeatureKeys(Map.of("1", "北京市", "2", "北京市郊"));
        assertThat(two.key(null, "北京")).isNull();
        assertThat(two.key("99", "上海")).isNull();
        assertThat(two.key(" ", " ")).isNull();
    }
}
