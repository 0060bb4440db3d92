package org.yardstick.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.observation.Staleness;
import org.yardstick.observation.internal.StalenessProblem;
import org.yardstick.progress.rules.Assessment;
import org.yardstick.progress.rules.ProgressRules;
import org.yardstick.progress.rules.Series;
import org.yardstick.progress.rules.TargetTerms;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Stale data (数据过时): a figure older than its data set's threshold (default 2 years) is flagged
 * wherever a status rests on it; planners set the threshold per data set, with a reason, audited.
 */
@YardstickTest
class StalenessTest {

    static final String DATA_SET = "xj-county-info";
    static final String INDICATOR = "FTTB_RATE";

    @Autowired Staleness staleness;
    @Autowired Freshness freshness;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @AfterEach
    void reset() {
        jdbc.sql("update data_set set stale_after_years = 2 where code = ?").param(DATA_SET).update();
        freshness.forget();
        As.nobody();
    }

    private static Assessment withLatest(int year) {
        return ProgressRules.assess(TargetTerms.value(100, 2015, 2030), Series.empty().with(2015, 10).with(year, 20));
    }

    @Test
    void theAgeCountsFromTodaysYearAndTheDefaultThresholdIsTwoYears() {
        // test clock: 2026
        assertThat(freshness.of(INDICATOR, withLatest(2024))).isEqualTo(new Freshness.Age(2024, 2, 2, false));
        assertThat(freshness.of(INDICATOR, withLatest(2023))).isEqualTo(new Freshness.Age(2023, 3, 2, true));
        assertThat(freshness.of("NOT_IN_ANY_DATA_SET", withLatest(2023)).stale()).isTrue();
        assertThat(Freshness.Age.of(2026, 2026, 2)).isEqualTo(new Freshness.Age(2026, 0, 2, false));
    }

    @Test
    void aPlannerSetsTheThresholdOfADataSetWithAReasonAndItIsAudited() {
        As.user(accounts, "planner");
        long before = audits();

        staleness.setYears(DATA_SET, 5, "县级数据按五年规划周期更新");
        freshness.forget();

        assertThat(staleness.years(DATA_SET)).isEqualTo(5);
        assertThat(staleness.byIndicator()).containsEntry(INDICATOR, 5);
        assertThat(freshness.of(INDICATOR, withLatest(2023)).stale()).isFalse();
        assertThat(freshness.of(INDICATOR, withLatest(2020)).stale()).isTrue();
        assertThat(audits()).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                        select a.reason from audit_event a where a.entity_type = 'data_set' and a.action = 'stale-after'
                        order by a.id desc""").query(String.class).list().get(0)).isEqualTo("县级数据按五年规划周期更新");
    }

    @Test
    void badInputIsRefusedWholeWithEveryProblemAndNothingChanges() {
        As.user(accounts, "planner");

        assertThatThrownBy(() -> staleness.setYears(DATA_SET, 0, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::field, InputProblem::value)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("staleAfterYears", "0"),
                                org.assertj.core.groups.Tuple.tuple("reason", "")));
        assertThatThrownBy(() -> staleness.setYears(DATA_SET, 51, "too long"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).kind()).isEqualTo(StalenessProblem.YEARS_OUT_OF_RANGE));
        assertThat(staleness.years(DATA_SET)).isEqualTo(2);
    }

    @Test
    void onlyPlannersAndAdministratorsSetIt() {
        As.user(accounts, "reporter");
        assertThatThrownBy(() -> staleness.setYears(DATA_SET, 3, "why not")).isInstanceOf(AccessDeniedException.class);
        As.nobody();
        assertThatThrownBy(() -> staleness.setYears(DATA_SET, 3, "why not")).isInstanceOf(AccessDeniedException.class);
        assertThat(staleness.years(DATA_SET)).isEqualTo(2);
    }

    @Test
    void throughTheApiWithTheSameChecks() throws Exception {
        String url = "/api/v1/data-sets/" + DATA_SET + "/stale-after";
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(jsonPath("$.staleAfterYears").value(2));
        mvc.perform(put(url).with(httpBasic("planner", "yardstick-demo")).contentType("application/json")
                        .content("{\"staleAfterYears\": 0, \"reason\": \"\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].field").value("staleAfterYears"))
                .andExpect(jsonPath("$.problems[0].value").value("0"))
                .andExpect(jsonPath("$.problems[1].field").value("reason"));
        mvc.perform(put(url).with(httpBasic("reporter", "yardstick-demo")).contentType("application/json")
                .content("{\"staleAfterYears\": 3, \"reason\": \"r\"}")).andExpect(status().isForbidden());
        mvc.perform(put(url).contentType("application/json").content("{\"staleAfterYears\": 3, \"reason\": \"r\"}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/v1/data-sets/no-such-set/stale-after")).andExpect(status().isNotFound());
        assertThat(staleness.years(DATA_SET)).isEqualTo(2);
        mvc.perform(put(url).with(httpBasic("planner", "yardstick-demo")).contentType("application/json")
                        .content("{\"staleAfterYears\": 3, \"reason\": \"统计年鉴滞后两年\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.staleAfterYears").value(3));
        assertThat(staleness.years(DATA_SET)).isEqualTo(3);
    }

    private long audits() {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'data_set'").query(Long.class).single();
    }
}
