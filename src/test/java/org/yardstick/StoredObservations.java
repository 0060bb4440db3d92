package org.yardstick;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.shared.Period;

/**
 * The one way tests write observations (观测值) straight into the table, for a starting point the editor
 * and the review would not give: figures in a closed period, approved figures without a submission,
 * a draft in a category. Written by codes; what the builder is not told stays at the table's default
 * (total {@code _T}, level, no qualifier, version 0). Tests remove what they wrote, by their
 * {@link #by(String) author} or by rolling back.
 *
 * <pre>{@code
 * StoredObservations.of("IDI").region("650102").period("2018").value("12.5").approved().insert(jdbc);
 * }</pre>
 */
public final class StoredObservations {

    private final String indicator;
    private String region = "";
    private String period = "";
    private String breakdown = "_T";
    private @Nullable Object value;
    private String status = "APPROVED";
    private String author = "test";
    private @Nullable Instant at;

    private StoredObservations(String indicator) {
        this.indicator = indicator;
    }

    /** A figure of the indicator with this code; approved, by "test", at the database's current time unless told. */
    public static StoredObservations of(String indicator) {
        return new StoredObservations(indicator);
    }

    /** The region, by its code (e.g. 650102). */
    public StoredObservations region(String code) {
        this.region = code;
        return this;
    }

    /** The period, by its code (2018, 2024Q1, 2024-03); its start is derived. */
    public StoredObservations period(String code) {
        this.period = code;
        return this;
    }

    /** The category (disaggregation) by its code; {@code _T}, the total, unless told. */
    public StoredObservations breakdown(String code) {
        this.breakdown = code;
        return this;
    }

    /** The value, as written (a decimal text). */
    public StoredObservations value(String decimal) {
        this.value = new BigDecimal(decimal);
        return this;
    }

    /** The value, as a number (bound as given). */
    public StoredObservations value(Number number) {
        this.value = number;
        return this;
    }

    /** The status: DRAFT, SUBMITTED, APPROVED, RETURNED. */
    public StoredObservations status(String status) {
        this.status = status;
        return this;
    }

    public StoredObservations approved() {
        return status("APPROVED");
    }

    /** Who wrote it (created_by and updated_by), the mark by which a test removes its figures again. */
    public StoredObservations by(String author) {
        this.author = author;
        return this;
    }

    /** When it was written (created_at and updated_at); the database's current time unless told. */
    public StoredObservations at(Instant at) {
        this.at = at;
        return this;
    }

    /** Inserts the figure; refuses a builder without region, period or value. */
    public void insert(JdbcClient jdbc) {
        if (region.isEmpty() || period.isEmpty() || value == null) {
            throw new IllegalStateException("a stored observation needs a region, a period and a value: " + this);
        }
        Period p = Period.parse(period).orElseThrow(() -> new IllegalArgumentException("not a period: " + period));
        String when = at == null ? "current_timestamp, current_timestamp" : "?, ?";
        List<Object> params = new ArrayList<>(List.of(indicator, region, p.code(), Date.valueOf(p.start()), breakdown, value,
                status));
        if (at != null) {
            params.add(Timestamp.from(at));
            params.add(Timestamp.from(at));
        }
        params.add(author);
        params.add(author);
        jdbc.sql("""
                insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, obs_value, status,
                                         created_at, updated_at, created_by, updated_by)
                values ((select id from indicator where code = ?), (select id from region where code = ?), ?, ?,
                        (select id from disaggregation where code = ?), ?, ?, %s, ?, ?)""".formatted(when))
                .params(params).update();
    }

    /** Removes every figure written by this author. */
    public static int removeBy(JdbcClient jdbc, String author) {
        return jdbc.sql("delete from observation where created_by = ?").param(author).update();
    }

    @Override
    public String toString() {
        return indicator + "/" + region + "/" + period + "/" + breakdown + "=" + value + " " + status;
    }
}
