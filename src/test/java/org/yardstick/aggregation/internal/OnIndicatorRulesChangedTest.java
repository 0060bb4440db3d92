package org.yardstick.aggregation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.As;
import org.yardstick.YardstickTest;
import org.yardstick.framework.Aggregation;
import org.yardstick.framework.Change;
import org.yardstick.framework.IndicatorRulesChanged;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.internal.FrameworkChanges;
import org.yardstick.framework.internal.IndicatorCommand;

/**
 * An indicator's aggregation rule changed through the framework: the aggregates computed by the old rule
 * are computed again (the listener runs before the change commits; a test transaction never commits, so
 * the test runs it on the event the change published).
 */
@YardstickTest
@Transactional
@RecordApplicationEvents
class OnIndicatorRulesChangedTest {

    static final String CODE = "DISTRICT_BIGDATA_INVEST";

    @Autowired FrameworkChanges changes;
    @Autowired Indicators indicators;
    @Autowired OnIndicatorRulesChanged listener;
    @Autowired ApplicationEvents events;
    @Autowired UserDetailsService details;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void nobody() {
        As.nobody();
    }

    String aggregates() {
        return String.join(";", jdbc.sql("""
                select r.code || '/' || a.period || '=' || coalesce(cast(a.computed as varchar(40)), '-') from aggregate_value a
                join region r on r.id = a.region_id join indicator i on i.id = a.indicator_id where i.code = ? order by 1""")
                .param(CODE).query(String.class).list());
    }

    @Test
    void aggregatesFollowANewRule() {
        String summed = aggregates();
        assertThat(summed).as("the demo's district figures are summed upwards").isNotEmpty();
        As.user(details, "admin");
        IndicatorCommand c = IndicatorCommand.of(indicators.get(CODE));
        changes.updateIndicator(CODE, new IndicatorCommand(c.code(), c.name(), c.unit(), c.polarity(), Aggregation.NOT_ADDITIVE,
                null, null, c.formula(), c.nature(), c.decimals(), c.description(), c.periodRule(), c.incomplete(), null),
                Change.form("各区自行报送，不可汇总"));
        assertThat(events.stream(IndicatorRulesChanged.class)).containsExactly(new IndicatorRulesChanged(CODE));

        events.stream(IndicatorRulesChanged.class).toList().forEach(listener::on);

        assertThat(aggregates()).as("not additive: nothing is summed any more").isEmpty();
    }
}
