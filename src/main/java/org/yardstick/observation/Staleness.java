package org.yardstick.observation;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.observation.internal.StalenessProblem;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * When a figure is stale (数据过时): older than its data set's threshold in years, counted from
 * today's year. Planners and administrators set the threshold per data set; 2 years by default.
 */
@Repository
public class Staleness {

    /** The threshold of indicators in no data set, and of new data sets. */
    public static final int DEFAULT_YEARS = 2;

    static final int MAX_YEARS = 50;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    Staleness(JdbcClient jdbc, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** A data set's threshold in years. */
    public int years(String dataSetCode) {
        return jdbc.sql("select stale_after_years from data_set where code = ?").param(dataSetCode)
                .query(Integer.class).optional().orElseThrow(() -> new NotFoundException("data-set", dataSetCode));
    }

    /**
     * Every indicator's threshold by indicator code: the strictest of the data sets collecting it.
     * Indicators in none are absent ({@link #DEFAULT_YEARS} applies).
     */
    public Map<String, Integer> byIndicator() {
        Map<String, Integer> years = new HashMap<>();
        jdbc.sql("""
                select i.code, min(d.stale_after_years) from data_set_indicator di
                join data_set d on d.id = di.data_set_id join indicator i on i.id = di.indicator_id
                group by i.code""").query((rs, n) -> years.put(rs.getString(1), rs.getInt(2))).list();
        return years;
    }

    /** Sets a data set's threshold (planner or administrator), with the reason recorded in the audit trail. */
    @Transactional
    public void setYears(String dataSetCode, int years, String reason) {
        Role role = currentUser.account().map(Account::role).orElse(null);
        if (role != Role.ADMIN && role != Role.PLANNER) {
            throw new AccessDeniedException("only a planner or an administrator sets when data is stale");
        }
        java.util.List<InputProblem> problems = new java.util.ArrayList<>();
        if (years < 1 || years > MAX_YEARS) {
            problems.add(InputProblem.of("data set " + dataSetCode, 0, "staleAfterYears", Integer.toString(years),
                    StalenessProblem.YEARS_OUT_OF_RANGE, MAX_YEARS));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(InputProblem.of("data set " + dataSetCode, 0, "reason", "", StalenessProblem.REASON_REQUIRED));
        }
        int before = years(dataSetCode);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (before == years) {
            return;
        }
        long id = jdbc.sql("select id from data_set where code = ?").param(dataSetCode).query(Long.class).single();
        jdbc.sql("update data_set set stale_after_years = ? where id = ?").params(years, id).update();
        events.publishEvent(Changed.of("data_set", id, dataSetCode, "stale-after", currentUser.name(), reason.strip(),
                new Changed.FieldChange("stale_after_years", Integer.toString(before), Integer.toString(years))));
    }
}
