package org.yardstick.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.MapFileSet;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditTrail;
import org.yardstick.observation.Severity;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.validation.internal.Condition;
import org.yardstick.validation.internal.Direction;
import org.yardstick.validation.internal.Operator;
import org.yardstick.validation.internal.ValidationRule;
import org.yardstick.validation.internal.ValidationRules;

/** {@code validation-rules.yaml}: the demo's rules, and what a wrong file says. */
@YardstickTest
@Transactional
class ValidationRuleFilesTest {

    @Autowired ValidationRules rules;
    @Autowired ValidationRuleFiles files;
    @Autowired AuditTrail audit;

    @Test
    void theDemoRulesAreLoaded() {
        assertThat(rules.get("ftth-le-bb")).satisfies(r -> {
            assertThat(r.severity()).isEqualTo(Severity.ERROR);
            assertThat(r.dataSetCode()).isEqualTo("xj-county-info");
            assertThat(r.indicatorCode()).isEqualTo("FTTH_USERS");
            assertThat(r.condition()).isEqualTo(new Condition.Comparison(Operator.LE, "BB_USERS", BigDecimal.ONE));
            assertThat(r.name().zh()).isEqualTo("光纤到户数不超过互联网宽带接入用户");
        });
        for (String rate : List.of("fttb-rate-0-100", "rural-fibre-rate-0-100")) {
            assertThat(rules.get(rate).condition()).isEqualTo(new Condition.Range(BigDecimal.ZERO, new BigDecimal("100")));
            assertThat(rules.get(rate).severity()).isEqualTo(Severity.ERROR);
        }
        for (String yoy : List.of("bb-users-yoy-50", "mobile-users-yoy-50")) {
            assertThat(rules.get(yoy).condition()).isEqualTo(new Condition.YearOnYear(new BigDecimal("50"), Direction.EITHER));
            assertThat(rules.get(yoy).severity()).isEqualTo(Severity.WARNING);
        }
        assertThat(rules.all()).filteredOn(r -> r.code().endsWith("-not-negative"))
                .extracting(ValidationRule::indicatorCode)
                .containsExactlyInAnyOrder("BB_USERS", "FTTH_USERS", "MOBILE_INTERNET_USERS", "INTERNET_PORTS")
                .hasSize(4);
        assertThat(rules.all()).filteredOn(r -> r.code().endsWith("-not-negative"))
                .allSatisfy(r -> assertThat(r.condition()).isEqualTo(new Condition.Range(BigDecimal.ZERO, null)));
        assertThat(audit.history(ValidationRules.ENTITY, rules.get("ftth-le-bb").id()))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("create");
                    assertThat(e.actor()).isEqualTo("demo");
                });
    }

    @Test
    void aWrongFileReportsEveryProblemWithItsLineAndWritesNothing() {
        int before = rules.all().size();
        String yaml = """
                rules:
                  - code: ok-rule
                    name_zh: 好规则
                    kind: range
                    severity: warning
                    indicator: FTTB_RATE
                    max: 100
                  - code: bad-range
                    name_zh: 坏规则
                    kind: range
                    severity: error
                    indicator: NO_SUCH
                    min: 10
                    max: 1
                  - code: bad-comparison
                    name_zh: 比较
                    kind: comparison
                    severity: error
                    indicator: FTTH_USERS
                    operator: "<>"
                  - code: ok-rule
                    name_zh: 重复
                    kind: yoy_change
                    severity: warning
                    indicator: BB_USERS
                    threshold: 0
                    min: 3
                """;
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> files.load(new MapFileSet().with("validation-rules.yaml", yaml), "test"));
        assertThat(e.problems()).extracting(p -> p.line() + " " + p.field() + " " + p.kind())
                .containsExactly(
                        "12 rules[2].indicator UNKNOWN_INDICATOR",
                        "14 rules[2].max MIN_ABOVE_MAX",
                        "15 rules[3].other MISSING_FIELD",
                        "20 rules[3].operator NOT_ONE_OF",
                        "27 rules[4].min UNKNOWN_FIELD");
        assertThat(e.problems()).extracting(InputProblem::source).allMatch(s -> s.equals("test/validation-rules.yaml"));
        assertThat(rules.all()).hasSize(before);
        assertThat(rules.find("ok-rule")).isEmpty();
    }

    @Test
    void aRuleAlreadyThereOrTwiceInTheFileIsAProblem() {
        String yaml = """
                rules:
                  - {code: ftth-le-bb, name_zh: 重复, kind: required, severity: error, indicator: BB_USERS}
                  - {code: twice, name_zh: 一, kind: required, severity: error, indicator: BB_USERS}
                  - {code: twice, name_zh: 二, kind: required, severity: error, indicator: BB_USERS, when: FTTH_USERS}
                """;
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> files.load(new MapFileSet().with("validation-rules.yaml", yaml), "test"));
        assertThat(e.problems()).extracting(p -> p.line() + " " + p.kind() + " " + p.args())
                .containsExactly("2 DUPLICATE_CODE []", "4 DUPLICATE [3]");
    }

    @Test
    void aGoodFileIsLoadedAndAudited() {
        String yaml = """
                rules:
                  - code: ports-when-bb
                    name_zh: 填写宽带用户时须填写端口数
                    name_en: Ports required with broadband subscribers
                    kind: required
                    severity: error
                    indicator: INTERNET_PORTS
                    when: BB_USERS
                    enabled: false
                """;
        assertThat(files.load(new MapFileSet().with("validation-rules.yaml", yaml), "loader")).isEqualTo(1);
        ValidationRule r = rules.get("ports-when-bb");
        assertThat(r.condition()).isEqualTo(new Condition.Required("BB_USERS"));
        assertThat(r.enabled()).isFalse();
        assertThat(r.dataSetCode()).isNull();
        assertThat(audit.history(ValidationRules.ENTITY, r.id())).extracting(a -> a.field() + "=" + a.newValue())
                .contains("kind=REQUIRED", "other=BB_USERS", "enabled=false");
    }

    @Test
    void aTotalOfPartsRuleIsReadWithItsToleranceAndANegativeOneIsRefused() {
        files.load(new MapFileSet().with("validation-rules.yaml", """
                rules:
                  - {code: bb-parts-sum, name_zh: 宽带用户合计等于城乡之和, kind: total_of_parts, severity: warning,
                     indicator: BB_USERS, threshold: 0.5}
                  - {code: ftth-parts-sum, name_zh: 光纤用户合计等于城乡之和, kind: total-of-parts, severity: error,
                     indicator: FTTH_USERS}
                """), "test");
        assertThat(rules.get("bb-parts-sum").condition()).isEqualTo(new Condition.TotalOfParts(new BigDecimal("0.5")));
        assertThat(rules.get("ftth-parts-sum").condition()).as("blank: exactly").isEqualTo(new Condition.TotalOfParts(BigDecimal.ZERO));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> files.load(new MapFileSet().with("validation-rules.yaml", """
                        rules:
                          - {code: neg-parts-sum, name_zh: 负容差, kind: total_of_parts, severity: error,
                             indicator: BB_USERS, threshold: -1}
                          - {code: dir-parts-sum, name_zh: 多余字段, kind: total_of_parts, severity: error,
                             indicator: BB_USERS, direction: up}
                        """), "test"));
        assertThat(e.problems()).extracting(p -> p.line() + " " + p.field() + " " + p.kind())
                .containsExactly("3 rules[1].threshold NEGATIVE", "5 rules[2].direction UNKNOWN_FIELD");
        assertThat(rules.find("neg-parts-sum")).isEmpty();
    }
}
