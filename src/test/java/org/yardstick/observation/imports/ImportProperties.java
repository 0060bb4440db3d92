package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.YardstickTest;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Imports of generated files, good rows mixed with every kind of bad one, in UTF-8, UTF-8 with a
 * byte-order mark and GBK: a file is either imported whole or refused with problems on its own
 * rows and nothing written — never half. Each example runs in a transaction that is rolled back.
 */
@YardstickTest
class ImportProperties {

    @Autowired FigureImports imports;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    static final Gen<String> INDICATORS = arbitrary().pick("BB_USERS", "FTTH_USERS", "INTERNET_PORTS", "FTTB_RATE", "NOPE", "");
    static final Gen<String> REGIONS = arbitrary().pick("650102", "650102", "650103", "6501", "999999", "");
    static final Gen<String> PERIODS = arbitrary().pick("2025", "2025", "2024", "2025Q1", "2025-13", "");
    static final Gen<String> VALUES = arbitrary().pick("1", "12.5", "-3", "1,024", "0.00000001", "1e3", "1e16", "-1e999999",
            "1.123456789", "abc", "", "13131313", "42424242", "\"7\"");
    static final Gen<String> ANY_ROW = INDICATORS.zip(REGIONS, PERIODS, VALUES, (i, r, p, v) -> i + "," + r + "," + p + "," + v);
    static final Gen<String> GOOD_ROW = arbitrary().pick("BB_USERS", "FTTH_USERS", "INTERNET_PORTS", "FTTB_RATE")
            .zip(arbitrary().pick("1", "12.5", "0", "-3", "1e3", "42424242"), (i, v) -> i + ",650102,2025," + v);
    /** Mostly good rows, so that whole files are accepted too. */
    static final Gen<String> ROWS = arbitrary().pick(true, true, true, true, true, false)
            .zip(GOOD_ROW, ANY_ROW, (good, g, a) -> good ? g : a);
    static final Gen<Charset> ENCODINGS = arbitrary().pick(StandardCharsets.UTF_8, Charset.forName("GBK"));

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    List<Map<String, Object>> closedPeriod() {
        return jdbc.queryForList("select id, obs_value, status, version from observation where period = '2024' order by id");
    }

    @Test
    @WithUserDetails("reporter")
    void aFileIsImportedWholeOrNotAtAll() {
        int[] accepted = {0};
        qt().withExamples(60).forAll(lists().of(ROWS).ofSizeBetween(1, 8), ENCODINGS, arbitrary().pick(true, false))
                .checkAssert((rows, encoding, bom) -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    tx.setRollbackOnly();
                    String text = "指标,region,Period,数值\n" + String.join("\n", rows) + "\n";
                    byte[] body = text.getBytes(encoding);
                    byte[] bytes = bom && encoding == StandardCharsets.UTF_8 ? Files.utf8WithBom(text) : body;
                    long observations = count("select count(*) from observation");
                    long audits = count("select count(*) from audit_event");
                    List<Map<String, Object>> closed = closedPeriod();
                    try {
                        FigureImports.Outcome o = imports.importFile("xj-county-info", "gen.csv", new ByteArrayInputStream(bytes));
                        accepted[0]++;
                        assertThat(o.rows()).isBetween(1L, (long) rows.size());
                        assertThat(count("select count(*) from observation")).isEqualTo(observations + o.created());
                        // one audit row per new figure: its value (these rows carry no qualifier and no comment)
                        assertThat(count("select count(*) from audit_event")).isEqualTo(audits + o.created());
                        assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContain(",650103,", "NOPE"));
                        // 2024's window is closed: a row for it is accepted only where it changes nothing
                        // (a blank cell, or a stored figure repeated), so its figures are as they were
                        assertThat(closedPeriod()).isEqualTo(closed);
                    } catch (InvalidInputException e) {
                        assertThat(e.problems()).isNotEmpty().allSatisfy((InputProblem p) -> {
                            assertThat(p.source()).isEqualTo("gen.csv");
                            assertThat(p.line() == 0 || p.line() >= 2 && p.line() <= rows.size() + 1).isTrue();
                            assertThat(p.reason()).isNotBlank();
                        });
                        assertThat(count("select count(*) from observation")).isEqualTo(observations);
                        assertThat(count("select count(*) from audit_event")).isEqualTo(audits);
                    }
                }));
        assertThat(accepted[0]).as("some generated files are accepted whole").isPositive();
    }
}
