package org.yardstick.assessment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yardstick.assessment.engine.SizeRule.Size;

/** One line per industry row of 统计上大中小微型企业划分办法（2017）: the bounds as the rule's table prints them. */
class SizeRuleTest {

    /**
     * industry code, employees (人), revenue (万元), assets (万元), expected class. Each row of the rule is tried at
     * the lower bound of 大型 (LARGE), just under it on one figure (MEDIUM: the rule moves it down a class), at the
     * small bounds (SMALL) and under one small bound (MICRO: one figure under is enough).
     */
    @ParameterizedTest(name = "{0}: {1} persons, {2}/{3} 万元 → {4}")
    @CsvSource(nullValues = "-", value = {
            // 农、林、牧、渔业: Y ≥ 20000 / 500 / 50
            "01,   -,     20000,  -,     LARGE",  "01, -, 19999, -, MEDIUM", "05, -, 50, -, SMALL", "A, -, 49.9, -, MICRO",
            // 工业: X ≥ 1000 / 300 / 20, Y ≥ 40000 / 2000 / 300
            "13,   1000,  40000,  -,     LARGE",  "C, 999, 40000, -, MEDIUM", "44, 20, 300, -, SMALL", "06, 19, 50000, -, MICRO",
            "3911, 300,   2000,   -,     MEDIUM", "D, 5000, 1999, -, SMALL",
            // 建筑业: Y ≥ 80000 / 6000 / 300, Z ≥ 80000 / 5000 / 300
            "47,   -,     80000,  80000, LARGE",  "E, -, 80000, 79999, MEDIUM", "50, -, 300, 300, SMALL", "48, -, 299, 9999, MICRO",
            // 批发业: X ≥ 200 / 20 / 5, Y ≥ 40000 / 5000 / 1000
            "51,   200,   40000,  -,     LARGE",  "5121, 20, 5000, -, MEDIUM", "51, 5, 1000, -, SMALL", "51, 4, 1000, -, MICRO",
            // 零售业: X ≥ 300 / 50 / 10, Y ≥ 20000 / 500 / 100
            "52,   300,   20000,  -,     LARGE",  "52, 50, 500, -, MEDIUM", "52, 10, 100, -, SMALL", "52, 10, 99, -, MICRO",
            // 交通运输业: X ≥ 1000 / 300 / 20, Y ≥ 30000 / 3000 / 200
            "54,   1000,  30000,  -,     LARGE",  "56, 300, 3000, -, MEDIUM", "58, 20, 200, -, SMALL", "54, 19, 200, -, MICRO",
            // 仓储业: X ≥ 200 / 100 / 20, Y ≥ 30000 / 1000 / 100
            "59,   200,   30000,  -,     LARGE",  "59, 100, 1000, -, MEDIUM", "59, 20, 100, -, SMALL", "59, 20, 99, -, MICRO",
            // 邮政业: X ≥ 1000 / 300 / 20, Y ≥ 30000 / 2000 / 100
            "60,   1000,  30000,  -,     LARGE",  "60, 300, 2000, -, MEDIUM", "60, 20, 100, -, SMALL", "60, 19, 100, -, MICRO",
            // 住宿业: X ≥ 300 / 100 / 10, Y ≥ 10000 / 2000 / 100
            "61,   300,   10000,  -,     LARGE",  "61, 100, 2000, -, MEDIUM", "61, 10, 100, -, SMALL", "61, 9, 100, -, MICRO",
            // 餐饮业: X ≥ 300 / 100 / 10, Y ≥ 10000 / 2000 / 100
            "62,   300,   10000,  -,     LARGE",  "62, 299, 10000, -, MEDIUM", "62, 10, 100, -, SMALL", "62, 10, 99, -, MICRO",
            // 信息传输业: X ≥ 2000 / 100 / 10, Y ≥ 100000 / 1000 / 100
            "63,   2000,  100000, -,     LARGE",  "64, 100, 1000, -, MEDIUM", "63, 10, 100, -, SMALL", "64, 9, 100, -, MICRO",
            // 软件和信息技术服务业: X ≥ 300 / 100 / 10, Y ≥ 10000 / 1000 / 50
            "65,   300,   10000,  -,     LARGE",  "6510, 100, 1000, -, MEDIUM", "65, 10, 50, -, SMALL", "65, 10, 49, -, MICRO",
            // 房地产开发经营: Y ≥ 200000 / 1000 / 100, Z ≥ 10000 / 5000 / 2000
            "701,  -,     200000, 10000, LARGE",  "7010, -, 1000, 5000, MEDIUM", "701, -, 100, 2000, SMALL", "701, -, 100, 1999, MICRO",
            // 物业管理: X ≥ 1000 / 300 / 100, Y ≥ 5000 / 1000 / 500
            "702,  1000,  5000,   -,     LARGE",  "7020, 300, 1000, -, MEDIUM", "702, 100, 500, -, SMALL", "702, 99, 500, -, MICRO",
            // 租赁和商务服务业: X ≥ 300 / 100 / 10, Z ≥ 120000 / 8000 / 100
            "L,    300,   -,      120000, LARGE", "72, 100, -, 8000, MEDIUM", "71, 10, -, 100, SMALL", "72, 10, -, 99, MICRO",
            // 其他未列明行业: X ≥ 300 / 100 / 10
            "M,    300,   -,      -,     LARGE",  "83, 100, -, -, MEDIUM", "90, 10, -, -, SMALL", "S, 9, -, -, MICRO",
    })
    void eachRowOfTheRule(String industry, Long employees, BigDecimal revenue, BigDecimal assets, Size expected) {
        assertThat(SizeRule.classify(industry, employees, revenue, assets)).contains(expected);
    }

    @Test
    void aMissingFigureOrAnUndecidedRowLeavesTheStatedClass() {
        // 工业 needs employees AND revenue
        assertThat(SizeRule.classify("C", 500L, null, null)).isEmpty();
        // 建筑业 needs total assets too
        assertThat(SizeRule.classify("E", null, new BigDecimal("90000"), null)).isEmpty();
        // F covers 批发业 and 零售业, K covers 房地产开发经营 and 物业管理: the section letter alone does not decide
        assertThat(SizeRule.row("F")).isEmpty();
        assertThat(SizeRule.row("70")).isEmpty();
        assertThat(SizeRule.row("K")).isEmpty();
        assertThat(SizeRule.row("x1")).isEmpty();
        // figures the row does not list are not needed: 农业 only revenue
        assertThat(SizeRule.classify("A", null, new BigDecimal("600"), null)).contains(Size.MEDIUM);
    }
}
