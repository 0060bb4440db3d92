package org.yardstick.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.As;
import org.yardstick.TestClock;
import org.yardstick.YardstickTest;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.observation.internal.ObservationEditor;
import org.yardstick.progress.Progress;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/**
 * The eight districts of 乌鲁木齐 report 宽带接入用户 (and the form's other figures) for 2024, their
 * prefecture approves, and 乌鲁木齐市 has the sum with coverage 8 of 8 before the next request; a
 * derived share is the ratio of the sums; progress reads the complete aggregate and not the
 * region's partial one; reopening one district takes it out again.
 */
@YardstickTest
class LiveAggregatesTest {

    static final String DS = "xj-county-info";
    static final List<String> DISTRICTS = List.of("650102", "650103", "650104", "650105", "650106", "650107", "650109", "650121");
    static final String DERIVED = "TEST_FTTH_SHARE";

    @Autowired ObservationEditor editor;
    @Autowired Submissions submissions;
    @Autowired Aggregates aggregates;
    @Autowired Progress progress;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired MockMvc mvc;

    @BeforeEach
    void aWindowOpenFor2024AndNoFiguresOfItYet() {
        clock.set(ZonedDateTime.of(2025, 3, 1, 10, 0, 0, 0, TestClock.ZONE).toInstant()); // the 2024 window is open
        clear();
        if (jdbc.sql("select count(*) from indicator where code = ?").param(DERIVED).query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into indicator (code, name_zh, name_en, unit_zh, unit_en, polarity, aggregation, formula, nature)
                    values (?, '光纤用户占比（测试）', 'FTTH share (test)', '%', '%', 'POSITIVE', 'NOT_ADDITIVE',
                            'FTTH_USERS / BB_USERS * 100', 'EXPECTED')""").param(DERIVED).update();
        }
    }

    @AfterEach
    void cleanUp() {
        clear();
        aggregates.recomputeAll();
        clock.reset();
        As.nobody();
    }

    void clear() {
        clear(jdbc);
    }

    /** The districts' 2024 submissions and their figures gone. */
    static void clear(JdbcClient jdbc) {
        jdbc.sql("delete from observation where region_id in (select id from region where code in (:c)) and period = '2024' and submission_id is not null")
                .param("c", DISTRICTS).update();
        jdbc.sql("delete from submission where region_id in (select id from region where code in (:c)) and period = '2024'")
                .param("c", DISTRICTS).update();
    }

    /** The district's reporter, created (as admin) the first time. */
    static String reporter(Accounts accounts, UserDetailsService users, String district) {
        String reporter = "agg-reporter-" + district;
        if (accounts.find(reporter).isEmpty()) {
            As.user(users, "admin");
            accounts.create(new NewAccount(reporter, "区县填报（汇总测试）", "Aggregate-Live-5821-xj", Role.REPORTER, district, null, false), "test");
        }
        return reporter;
    }

    static ObservationEditor.Entry entry(String indicator, String value) {
        return new ObservationEditor.Entry("form", 0, indicator, value, "", null, null);
    }

    AggregateFigure figure(String indicator, String region) {
        return aggregates.series(indicator, region).stream().filter(a -> a.period().code().equals("2024")).findFirst().orElse(null);
    }

    @Test
    void approvedDistrictsAddUpToTheirPrefectureWithCoverageAndADerivedShareIsTheRatioOfTheSums() throws Exception {
        List<Submission> submitted = new ArrayList<>();
        BigDecimal bb = BigDecimal.ZERO;
        BigDecimal ftth = BigDecimal.ZERO;
        BigDecimal meanOfShares = BigDecimal.ZERO;
        for (int i = 0; i < DISTRICTS.size(); i++) {
            String district = DISTRICTS.get(i);
            String reporter = reporter(accounts, users, district);
            BigDecimal b = new BigDecimal(10 + 7 * i + ".25");
            BigDecimal f = new BigDecimal(5 + i * i + ".5");
            bb = bb.add(b);
            ftth = ftth.add(f);
            meanOfShares = meanOfShares.add(f.multiply(BigDecimal.valueOf(100)).divide(b, MathContext.DECIMAL128));
            As.user(users, reporter);
            var saved = editor.save(DS, district, "2024", List.of(entry("BB_USERS", b.toPlainString()),
                    entry("FTTH_USERS", f.toPlainString()), entry("MOBILE_INTERNET_USERS", "80"), entry("INTERNET_PORTS", "90")));
            submitted.add(submissions.submit(saved.submission().id(), saved.submission().version()));
        }
        As.user(users, "reviewer");
        for (int i = 0; i < submitted.size(); i++) {
            Submission s = submitted.get(i);
            Submission approved = submissions.approve(s.id(), s.version());
            submitted.set(i, approved);
            AggregateFigure urumqi = figure("BB_USERS", "6501");
            assertThat(urumqi).as("after %d approvals", i + 1).isNotNull();
            assertThat(urumqi.covered()).isEqualTo(i + 1);
            assertThat(urumqi.expected()).isEqualTo(8);
        }

        AggregateFigure urumqi = figure("BB_USERS", "6501");
        assertThat(urumqi.value()).isEqualByComparingTo(bb);
        assertThat(urumqi.complete()).isTrue();
        assertThat(urumqi.inputs()).isEqualTo(8);
        assertThat(figure("FTTH_USERS", "6501").value()).isEqualByComparingTo(ftth);

        AggregateFigure xinjiang = figure("BB_USERS", "65");
        assertThat(xinjiang.covered()).isEqualTo(8);
        assertThat(xinjiang.expected()).as("every county of Xinjiang reports this data set").isGreaterThan(80);
        assertThat(xinjiang.complete()).isFalse();

        AggregateFigure share = figure(DERIVED, "6501");
        assertThat(share.derived()).isTrue();
        BigDecimal ratioOfSums = ftth.multiply(BigDecimal.valueOf(100)).divide(bb, MathContext.DECIMAL128);
        assertThat(share.value().subtract(ratioOfSums).abs()).isLessThan(new BigDecimal("1e-10"));
        assertThat(share.value().subtract(meanOfShares.divide(BigDecimal.valueOf(8), MathContext.DECIMAL128)).abs())
                .as("not the mean of the districts' shares").isGreaterThan(BigDecimal.ONE);

        // the region page shows the computed figure with its coverage; its inputs are one click away, in both languages
        String page = mvc.perform(get("/regions/6501")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("汇总值").contains("8 / 8 已报送").contains("data-computed=\"BB_USERS|2024\"")
                .contains("/regions/6501/computed/BB_USERS/2024");
        String inputs = mvc.perform(get("/regions/6501/computed/BB_USERS/2024")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String district : DISTRICTS) {
            assertThat(inputs).contains("data-region=\"" + district + "\"");
        }
        assertThat(inputs).contains("自报").contains("按下级合计").doesNotContain("未报送");
        assertThat(mvc.perform(get("/regions/6501/computed/BB_USERS/2024").param("lang", "en")).andReturn().getResponse()
                .getContentAsString()).contains("8 of 8 reported").contains("sum of the sub-regions");
        assertThat(mvc.perform(get("/regions/65/computed/BB_USERS/2024")).andReturn().getResponse().getContentAsString())
                .contains("未报齐").contains("未报送").contains("汇总（8 / 8）");
        mvc.perform(get("/regions/6501/computed/BB_USERS/1999")).andExpect(status().isNotFound());

        // the indicator page offers Urumqi and shows its computed figure beside what it reported
        String chart = mvc.perform(get("/indicators/BB_USERS").param("region", "6501")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        // (one year only: a sentence names the computed figure instead of a chart that would say nothing)
        assertThat(chart).contains("value=\"6501\"").contains("ys-one-period")
                .contains("汇总值 " + bb.stripTrailingZeros().toPlainString());

        // a program reads the same through the API, with the coverage
        assertThat(mvc.perform(get("/api/v1/indicators/BB_USERS/computed").param("region", "6501")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("\"period\":\"2024\"").contains("\"value\":" + bb.stripTrailingZeros().toPlainString())
                .contains("\"covered\":8").contains("\"expected\":8").contains("\"kind\":\"regions\"");
        mvc.perform(get("/api/v1/indicators/BB_USERS/computed").param("region", "nowhere")).andExpect(status().isNotFound());

        // the prefecture comparison of Xinjiang shows Urumqi's complete computed figure
        assertThat(mvc.perform(get("/compare").param("indicator", "BB_USERS").param("level", "PREFECTURE").param("scope", "65")
                .param("period", "2024")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("乌鲁木齐市&quot;,&quot;value&quot;:" + bb.doubleValue());

        // progress reads the prefecture's complete aggregate, and not the region's partial one
        var snapshot = progress.snapshot(List.of(), List.of("BB_USERS"), List.of("6501", "65"));
        BigDecimal sum = bb;
        assertThat(snapshot.levels("BB_USERS", "6501", "_T")).anySatisfy(o -> {
            assertThat(o.period().code()).isEqualTo("2024");
            assertThat(o.value()).isEqualByComparingTo(sum);
        });
        assertThat(snapshot.levels("BB_USERS", "65", "_T")).noneMatch(o -> o.period().code().equals("2024"));

        // reopening one district takes its figures out of the aggregate at once
        As.user(users, "reviewer-xj");
        Submission first = submitted.get(0);
        submissions.reopen(first.id(), first.version(), "correction");
        AggregateFigure after = figure("BB_USERS", "6501");
        assertThat(after.covered()).isEqualTo(7);
        assertThat(after.value()).isEqualByComparingTo(bb.subtract(new BigDecimal("10.25")));
        assertThat(progress.snapshot(List.of(), List.of("BB_USERS"), List.of("6501")).levels("BB_USERS", "6501", "_T"))
                .noneMatch(o -> o.period().code().equals("2024"));
        assertThat(aggregates.recomputeAll()).isPositive();
        AggregateFigure recomputed = figure("BB_USERS", "6501");
        assertThat(recomputed).as("a full recomputation agrees with the live one").isEqualTo(
                new AggregateFigure(after.indicatorCode(), after.regionCode(), after.period(), after.value(), false, false, false, 7, 8, 7,
                        recomputed.updatedAt(), org.yardstick.framework.IncompleteAggregate.WARN,
                        AggregateFigure.DEFAULT_DIFFERENCE_THRESHOLD, null, 0));
    }

    @Test
    void twoApprovalsAtOnceBothReachTheAggregate() throws Exception {
        List<Submission> submitted = new ArrayList<>();
        for (String district : DISTRICTS.subList(0, 4)) {
            String reporter = reporter(accounts, users, district);
            As.user(users, reporter);
            var saved = editor.save(DS, district, "2024", List.of(entry("BB_USERS", "10"), entry("FTTH_USERS", "5"),
                    entry("MOBILE_INTERNET_USERS", "80"), entry("INTERNET_PORTS", "90")));
            submitted.add(submissions.submit(saved.submission().id(), saved.submission().version()));
        }
        As.nobody();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Submission>> done = new ArrayList<>();
            for (Submission s : submitted) {
                done.add(pool.submit(() -> {
                    As.user(users, "reviewer");
                    try {
                        start.await();
                        return submissions.approve(s.id(), s.version());
                    } finally {
                        As.nobody();
                    }
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        AggregateFigure urumqi = figure("BB_USERS", "6501");
        assertThat(urumqi.covered()).as("every approval's figure in the aggregate").isEqualTo(4);
        assertThat(urumqi.value()).isEqualByComparingTo("40");
    }
}
