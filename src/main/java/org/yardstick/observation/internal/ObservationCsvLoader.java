package org.yardstick.observation.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.framework.Qualifier;
import org.yardstick.observation.Measure;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

@Component
class ObservationCsvLoader implements ObservationFiles {

    static final List<String> COLUMNS = List.of("indicator", "region", "period", "disaggregation", "measure",
            "base_period", "value", "qualifier", "document", "line", "quote");
    private static final List<String> REQUIRED = List.of("indicator", "region", "period", "value");
    private static final BigDecimal LIMIT = new BigDecimal("1e15");

    private final JdbcClient jdbc;

    ObservationCsvLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Key(long indicator, long region, String period, long disaggregation, Measure measure, String base) {}

    private record Source(long document, int line, String quote) {}

    private record Figure(Key key, Period period, BigDecimal value, Qualifier qualifier, String qualifierText,
                          long row, List<Source> sources) {}

    @Override
    @Transactional
    public Loaded load(FileSet files, String name, ObservationStatus status, String actor) {
        String source = files.describe(name);
        String text = files.read(name).orElseThrow(() -> new InvalidInputException(
                InputProblem.of(source, 0, "", null, FileProblem.EMPTY)));
        Map<String, Long> indicators = ids("indicator");
        Map<String, Long> regions = ids("region");
        Map<String, Long> disaggregations = ids("disaggregation");
        Map<String, Long> documents = ids("document");

        CsvReader.Table csv = CsvReader.table(source, text);
        Map<String, Integer> columns = CsvReader.columns(source, csv.header(), REQUIRED);
        List<InputProblem> problems = new ArrayList<>();
        Map<Key, Figure> figures = new LinkedHashMap<>();
        for (CsvReader.Row row : csv.rows()) {
            List<InputProblem> rowProblems = new ArrayList<>();
            Cells c = new Cells(source, row, columns, rowProblems);
            Long indicator = c.code("indicator", indicators, ObservationProblem.UNKNOWN_INDICATOR);
            Long region = c.code("region", regions, ObservationProblem.UNKNOWN_REGION);
            String dis = c.text("disaggregation");
            Long disaggregation = dis.isEmpty() ? disaggregations.get("_T")
                    : c.code("disaggregation", disaggregations, ObservationProblem.UNKNOWN_DISAGGREGATION);
            Period period = c.period("period");
            Measure measure = c.measure();
            Period base = null;
            String baseText = c.text("base_period");
            if (measure != null && measure != Measure.LEVEL && baseText.isEmpty()) {
                c.problem("base_period", ObservationProblem.BASE_PERIOD_REQUIRED, measure.name().toLowerCase());
            } else if (measure == Measure.LEVEL && !baseText.isEmpty()) {
                c.problem("base_period", ObservationProblem.BASE_PERIOD_NOT_ALLOWED);
            } else if (!baseText.isEmpty()) {
                base = c.period("base_period");
                if (base != null && period != null && base.compareTo(period) >= 0) {
                    c.problem("base_period", ObservationProblem.BASE_PERIOD_ORDER, period.code());
                }
            }
            BigDecimal value = c.number("value");
            String qualifierText = c.text("qualifier");
            Qualifier qualifier = Qualifier.parse(qualifierText).orElse(null);
            if (qualifier == null) {
                c.problem("qualifier", ObservationProblem.UNKNOWN_QUALIFIER);
            }
            List<Source> sources = new ArrayList<>();
            String doc = c.text("document");
            if (!doc.isEmpty()) {
                Long document = c.code("document", documents, ObservationProblem.UNKNOWN_DOCUMENT);
                Integer line = c.line();
                String quote = c.text("quote");
                if (quote.isEmpty()) {
                    c.problem("quote", ObservationProblem.QUOTE_REQUIRED);
                }
                if (document != null && line != null && !quote.isEmpty()) {
                    sources.add(new Source(document, line, quote));
                }
            }
            if (!rowProblems.isEmpty()) {
                problems.addAll(rowProblems);
                continue;
            }
            Key key = new Key(indicator, region, period.code(), disaggregation, measure, base == null ? "" : base.code());
            Figure first = figures.get(key);
            if (first == null) {
                figures.put(key, new Figure(key, period, value, qualifier, qualifierText, row.line(), sources));
            } else if (first.value().compareTo(value) != 0) {
                problems.add(InputProblem.of(source, row.line(), "value", value.toPlainString(), ObservationProblem.CONFLICT,
                        first.value().toPlainString(), first.row()));
            } else {
                first.sources().addAll(sources);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int sourceCount = 0;
        Timestamp now = Timestamp.from(Instant.now());
        for (Figure f : figures.values()) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into observation (indicator_id, region_id, period, period_start, disaggregation_id, measure, base_period,
                                             obs_value, qualifier, qualifier_text, status, version, created_at, updated_at,
                                             created_by, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                    .params(f.key().indicator(), f.key().region(), f.key().period(), java.sql.Date.valueOf(f.period().start()),
                            f.key().disaggregation(), f.key().measure().name(), f.key().base(), f.value(),
                            f.qualifier().name(), f.qualifierText(), status.name(), now, now, actor, actor)
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            for (Source s : f.sources().stream().distinct().toList()) {
                jdbc.sql("insert into observation_source (observation_id, document_id, source_line, source_quote) values (?, ?, ?, ?)")
                        .params(id, s.document(), s.line(), s.quote()).update();
                sourceCount++;
            }
        }
        return new Loaded(figures.size(), sourceCount);
    }

    private Map<String, Long> ids(String table) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select code, id from " + table).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /** Reads the cells of one row, adding a problem for each bad one. */
    private static final class Cells {
        private final String source;
        private final CsvReader.Row row;
        private final Map<String, Integer> columns;
        private final List<InputProblem> problems;

        Cells(String source, CsvReader.Row row, Map<String, Integer> columns, List<InputProblem> problems) {
            this.source = source;
            this.row = row;
            this.columns = columns;
            this.problems = problems;
        }

        String text(String column) {
            return CsvReader.cell(row, columns, column).orElse("").strip();
        }

        void problem(String column, ObservationProblem kind, Object... args) {
            problems.add(InputProblem.of(source, row.line(), column, text(column), kind, args));
        }

        @Nullable Long code(String column, Map<String, Long> known, ObservationProblem unknown) {
            String v = text(column);
            if (v.isEmpty()) {
                problems.add(InputProblem.of(source, row.line(), column, v, FileProblem.MISSING_FIELD));
                return null;
            }
            Long id = known.get(v);
            if (id == null) {
                problem(column, unknown);
            }
            return id;
        }

        @Nullable Period period(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                problems.add(InputProblem.of(source, row.line(), column, v, FileProblem.MISSING_FIELD));
                return null;
            }
            Optional<Period> p = Period.parse(v);
            if (p.isEmpty()) {
                problem(column, ObservationProblem.BAD_PERIOD);
            }
            return p.orElse(null);
        }

        @Nullable Measure measure() {
            String v = text("measure");
            if (v.isEmpty()) {
                return Measure.LEVEL;
            }
            for (Measure m : Measure.values()) {
                if (m.name().equalsIgnoreCase(v)) {
                    return m;
                }
            }
            problem("measure", ObservationProblem.UNKNOWN_MEASURE);
            return null;
        }

        @Nullable BigDecimal number(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                problems.add(InputProblem.of(source, row.line(), column, v, FileProblem.MISSING_FIELD));
                return null;
            }
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                problem(column, ObservationProblem.NOT_A_NUMBER);
                return null;
            }
            if (d.abs().compareTo(LIMIT) > 0) {
                problem(column, ObservationProblem.TOO_LARGE);
                return null;
            }
            if (d.stripTrailingZeros().scale() > org.yardstick.observation.DataSet.MAX_DECIMALS) {
                problem(column, ObservationProblem.TOO_PRECISE);
                return null;
            }
            return d;
        }

        @Nullable Integer line() {
            String v = text("line");
            try {
                int l = Integer.parseInt(v);
                if (l >= 1) {
                    return l;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem("line", ObservationProblem.BAD_LINE);
            return null;
        }
    }
}
