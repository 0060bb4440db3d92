package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.observation.DataSetFiles;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.imports.bench.BenchData;

/**
 * The benchmark's generated data at a test's size: 20,160 figures of 60 counties × 28 indicators ×
 * 12 months, more than a writer's batch and more region-months than a chunk of stored values, so
 * the set-based paths cross their boundaries. Rolled back.
 */
@YardstickTest
@Transactional
@WithUserDetails("admin")
class ImportVolumeTest {

    static final int ROWS = 60 * BenchData.INDICATORS * 12;

    @Autowired FigureImports imports;
    @Autowired FrameworkFiles frameworks;
    @Autowired DataSetFiles dataSetFiles;
    @Autowired DataSets dataSets;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @TempDir Path dir;

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void aGeneratedFileIsImportedWholeAuditedAndImportedAgainWithoutChange() throws IOException {
        BenchData.setUp(frameworks, dataSetFiles, dataSets, LocalDate.now(clock));
        var counties = BenchData.counties(jdbc);
        Path csv = dir.resolve("bench.csv");
        BenchData.writeCsv(csv, counties, ROWS, 7);
        byte[] bytes = Files.readAllBytes(csv);
        long audits = count("select count(*) from audit_event");

        var first = imports.importFile(BenchData.DATA_SET, "bench.csv", new ByteArrayInputStream(bytes));
        assertThat(first.created()).isEqualTo(ROWS);
        assertThat(count("select count(*) from observation o join indicator i on i.id = o.indicator_id "
                + "where i.code like 'BENCH\\_%'")).isEqualTo(ROWS);
        // one audit row per new figure: its value (the generated rows have no qualifier and no comment)
        assertThat(count("select count(*) from audit_event")).isEqualTo(audits + ROWS);
        assertThat(count("select count(distinct submission_id) from observation o join indicator i on i.id = o.indicator_id "
                + "where i.code like 'BENCH\\_%'")).isEqualTo(60 * 12);

        var again = imports.importFile(BenchData.DATA_SET, "bench.csv", new ByteArrayInputStream(bytes));
        assertThat(again.unchanged()).isEqualTo(ROWS);
        assertThat(count("select count(*) from audit_event")).isEqualTo(audits + ROWS);
        assertThat(count("select max(version) from observation o join indicator i on i.id = o.indicator_id "
                + "where i.code like 'BENCH\\_%'")).isZero();

        // the last county's figures change: updated, audited old → new, versions up by one
        String last = counties.get(59).getKey();
        String changed = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("indicator") || l.contains("," + last + ","))
                .map(l -> l.startsWith("indicator") ? l : l.replaceFirst(",([0-9.]+),,$", ",1$1,,"))
                .reduce("", (a, b) -> a + b + "\n");
        var third = imports.importFile(BenchData.DATA_SET, "changed.csv",
                new ByteArrayInputStream(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(third.updated()).isEqualTo(BenchData.INDICATORS * 12);
        assertThat(count("select count(*) from audit_event")).isEqualTo(audits + ROWS + BenchData.INDICATORS * 12);
        List<Integer> versions = jdbc.queryForList("select distinct o.version from observation o "
                + "join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id "
                + "where r.code = ? and i.code like 'BENCH\\_%'", Integer.class, last);
        assertThat(versions).containsExactly(1);
    }
}
