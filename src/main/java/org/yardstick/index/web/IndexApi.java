package org.yardstick.index.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.index.ComputedIndex;
import org.yardstick.index.IndexDefinition;
import org.yardstick.index.IndexDefinitions;
import org.yardstick.index.IndexResults;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.ScoreTable;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.web.ApiQuery;

/**
 * The index API: an index's definition (read, and replaced with its YAML by planners, with the
 * editor's checks and versions) and its computed scores at full precision (JSON, CSV, Excel), the
 * same numbers the batch command writes.
 */
@RestController
@RequestMapping(path = "/api/v1/indices")
@Tag(name = "indices", description = "Composite index definitions (指数定义) and their computed scores and ranks")
class IndexApi {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final IndexDefinitions definitions;
    private final IndexResults results;
    private final Clock clock;

    IndexApi(IndexDefinitions definitions, IndexResults results, Clock clock) {
        this.definitions = definitions;
        this.results = results;
        this.clock = clock;
    }

    /** A score in JSON: the score a JSON number at full precision (null when missing), rank null when not ranked. */
    record ScoreView(String unit, String period, String node, @Nullable Double score, @Nullable Integer rank,
            boolean reference) {

        static ScoreView of(ScoreTable.Row r) {
            return new ScoreView(r.unit(), r.period(), r.node(), Double.isNaN(r.score()) ? null : r.score(),
                    r.rank() == 0 ? null : r.rank(), r.reference());
        }
    }

    record Scores(String index, int version, List<String> nodes, List<ScoreView> scores) {}

    record DefinitionView(String code, int version, String yaml, String savedAt, String savedBy) {}

    record SaveView(String code, int version, boolean changed) {}

    @GetMapping(path = "/{code}", produces = "application/json")
    @Operation(summary = "An index definition: its current version and YAML text (the ETag is its version)")
    ResponseEntity<DefinitionView> definition(@PathVariable String code) {
        IndexDefinition d = definitions.get(code);
        return ResponseEntity.ok().eTag(etag(d.version()))
                .body(new DefinitionView(d.code(), d.version(), d.yaml(), d.savedAt().toString(), d.savedBy()));
    }

    @GetMapping(path = "/{code}/scores", produces = {"application/json", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Every node's score and rank per unit and period, at full precision",
            description = "Aggregates give their score, indicators their normalised value; rank 1 is the best, "
                    + "reference units (全国 …) have no rank. `format=csv` (UTF-8; `bom=true` for Excel) gives "
                    + "unit,period,node,score,rank,reference lines, `layout=wide` one line per unit and period; "
                    + "`format=xlsx` a workbook with a metadata sheet. The same numbers as `index compute`.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = """
                    {"index": "IIDI", "version": 3, "nodes": ["IIDI", "BASE", "broadband"],
                     "scores": [{"unit": "6501", "period": "2020", "node": "IIDI", "score": 71.52340917723418,
                                 "rank": 1, "reference": false}]}""")))
    @ApiResponse(responseCode = "422", description = "an unknown period or node, or an index that cannot be computed",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type": "urn:yardstick:invalid-input", "status": 422, "detail": "1 problem(s) in input",
                     "problems": [{"source": "query", "line": 0, "field": "period", "value": "2031",
                                   "code": "file.not-one-of", "reason": "must be one of: 2016, 2017"}]}""")))
    ResponseEntity<?> scores(@PathVariable String code,
            @Parameter(description = "one period, e.g. 2020; all when absent") @RequestParam(required = false)
            @Nullable String period,
            @Parameter(description = "one node (aggregate or indicator code); all when absent")
            @RequestParam(required = false) @Nullable String node,
            @Parameter(description = "json (default), csv or xlsx") @RequestParam(defaultValue = "json") String format,
            @Parameter(description = "csv: long (default) or wide") @RequestParam(defaultValue = "long") String layout,
            @Parameter(description = "csv: start with a UTF-8 byte-order mark") @RequestParam(defaultValue = "false")
            boolean bom,
            @Parameter(description = "json: page number, from 1") @RequestParam(required = false) @Nullable String page,
            @Parameter(description = "json: page size, at most 1000 (the default); Link and X-Total-Count headers")
            @RequestParam(required = false) @Nullable String size,
            jakarta.servlet.http.HttpServletRequest request) {
        List<InputProblem> paging = new ArrayList<>();
        ApiQuery.Page p = ApiQuery.page(page, size, paging);
        ApiQuery.refuse(paging);
        IndexDefinition d = definitions.get(code);
        ComputedIndex computed = results.compute(d);
        if (!computed.computed()) {
            throw new InvalidInputException(computed.problems());
        }
        IndexResult result = computed.result();
        List<InputProblem> problems = new ArrayList<>();
        List<String> nodes = ScoreTable.nodes(result);
        check(problems, "period", period, computed.periods());
        check(problems, "node", node, nodes);
        check(problems, "format", format, List.of("json", "csv", "xlsx"));
        check(problems, "layout", layout, List.of("long", "wide"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<ScoreTable.Row> rows = ScoreTable.rows(result, period, node);
        List<String> shown = node == null ? nodes : List.of(node);
        String etag = etag(d.version() + "-" + Integer.toHexString(computed.stamp().hashCode()));
        String file = d.code() + "-scores" + (period == null ? "" : "-" + period);
        return switch (format) {
            case "csv" -> {
                List<List<String>> table = layout.equals("wide")
                        ? ScoreTable.wideTable(rows, shown, "unit", "period")
                        : ScoreTable.longTable(rows, "unit", "period");
                yield ResponseEntity.ok().eTag(etag).contentType(CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".csv\"")
                        .body(ScoreTable.csv(table, bom).getBytes(StandardCharsets.UTF_8));
            }
            case "xlsx" -> ResponseEntity.ok().eTag(etag).contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".xlsx\"")
                    .body(workbook(d, computed, rows, period, node));
            default -> ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON)
                    .headers(ApiQuery.pageHeaders(rows.size(), p, request))
                    .body(new Scores(d.code(), d.version(), shown, ApiQuery.slice(rows, p).stream().map(ScoreView::of).toList()));
        };
    }

    private static void check(List<InputProblem> problems, String field, @Nullable String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problems.add(InputProblem.of("query", 0, field, value, FileProblem.NOT_ONE_OF, String.join(", ", allowed)));
        }
    }

    /** The scores as a workbook: sheet "scores" (long, numbers as doubles) and sheet "metadata". */
    private byte[] workbook(IndexDefinition d, ComputedIndex computed, List<ScoreTable.Row> rows,
            @Nullable String period, @Nullable String node) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet scores = wb.createSheet("scores");
            Row header = scores.createRow(0);
            String[] names = {"unit", "unit_name", "period", "node", "score", "rank", "reference"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Map<String, String> unitNames = new LinkedHashMap<>();
            computed.units().forEach(r -> unitNames.put(r.code(), r.name().in(Locale.SIMPLIFIED_CHINESE)));
            int r = 1;
            for (ScoreTable.Row row : rows) {
                Row x = scores.createRow(r++);
                x.createCell(0).setCellValue(row.unit());
                x.createCell(1).setCellValue(unitNames.getOrDefault(row.unit(), ""));
                x.createCell(2).setCellValue(row.period());
                x.createCell(3).setCellValue(row.node());
                Cell score = x.createCell(4);
                if (!Double.isNaN(row.score())) {
                    score.setCellValue(row.score());
                }
                if (row.rank() > 0) {
                    x.createCell(5).setCellValue(row.rank());
                }
                x.createCell(6).setCellValue(row.reference() ? 1 : 0);
            }
            Sheet meta = wb.createSheet("metadata");
            String[][] lines = {
                    {"index", d.code()},
                    {"name_zh", d.spec().nameZh()},
                    {"name_en", d.spec().nameEn()},
                    {"version", Integer.toString(d.version())},
                    {"saved_at", d.savedAt().toString()},
                    {"saved_by", d.savedBy()},
                    {"computed_at", Instant.now(clock).toString()},
                    {"approved_figures", Integer.toString(computed.figures())},
                    {"period", period == null ? "(all)" : period},
                    {"node", node == null ? "(all)" : node},
                    {"reference_units", String.join(", ", d.spec().method().referenceUnits())},
                    {"precision", "scores are IEEE 754 doubles as computed; aggregates give their score, indicators "
                            + "their normalised value; rank 1 is the best, reference units have no rank"},
                    {"source", "/api/v1/indices/" + d.code() + "/scores"}};
            for (int i = 0; i < lines.length; i++) {
                Row x = meta.createRow(i);
                x.createCell(0).setCellValue(lines[i][0]);
                x.createCell(1).setCellValue(lines[i][1]);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PutMapping(path = "/{code}", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"},
            produces = "application/json")
    @Operation(summary = "Replace (or create) an index definition with its YAML text",
            description = "The editor's checks and versions: every problem with its line and field (422); a new "
                    + "version only when the text changed; `If-Match` with the version it was edited from (the ETag "
                    + "of GET /api/v1/indices/{code}) answers 412 when another version was saved since. Planners "
                    + "within their region (the index's scope region, before and after), administrators anywhere. "
                    + "`dryRun=true` checks and saves nothing.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @RequestBody(content = @Content(mediaType = "application/yaml", examples = @ExampleObject(value = """
            index: {code: DEMO, name_zh: 示例指数, name_en: Demo index}
            regions: {scope: "65", level: prefecture}
            method:
              impute: {method: [linear_interpolation, group_mean], max_gap: 2}
            aggregates:
              - {code: DEMO, name_zh: 示例指数, name_en: Demo index}
            indicators:
              - {code: BROADBAND, name_zh: 宽带普及率, name_en: Broadband, parent: DEMO}
            """)))
    @ApiResponse(responseCode = "412", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(value = """
                    {"type": "urn:yardstick:stale-version", "status": 412,
                     "detail": "index DEMO was edited from version 2 but is at version 3", "current": 3}""")))
    ResponseEntity<?> put(@PathVariable String code, @org.springframework.web.bind.annotation.RequestBody String yaml,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Parameter(description = "why, kept in the history") @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        boolean exists = definitions.find(code).isPresent();
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        List<InputProblem> problems = new ArrayList<>(definitions.check(text, exists ? code : null));
        if (problems.isEmpty() && !exists) {
            String named = org.yardstick.index.spec.IndexSpec.parse(code + ".yaml", text).code();
            if (!named.equals(code)) {
                problems.add(InputProblem.of(code + ".yaml", 0, "index.code", named, FileProblem.NOT_ONE_OF, code));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int current = exists ? definitions.get(code).version() : 0;
        int basedOn = current;
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            basedOn = version(ifMatch);
        }
        if (dryRun) {
            if (basedOn != current) {
                throw new Stale(code, basedOn, current);
            }
            return ResponseEntity.ok(new SaveView(code, current, false));
        }
        IndexDefinitions.Saved saved;
        try {
            saved = definitions.save(exists ? code : null, basedOn, text, note.strip(), IndexDefinitions.API);
        } catch (IndexDefinitions.Conflict c) {
            throw new Stale(code, basedOn, c.current().version());
        }
        SaveView view = new SaveView(saved.definition().code(), saved.definition().version(), saved.changed());
        return (exists ? ResponseEntity.ok() : ResponseEntity.created(URI.create("/api/v1/indices/" + code)))
                .eTag(etag(view.version())).body(view);
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}: the version an If-Match names. */
    private static int version(String ifMatch) {
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(InputProblem.of("header", 0, HttpHeaders.IF_MATCH, ifMatch,
                    FileProblem.NOT_ONE_OF, "a version number such as \"3\""));
        }
    }

    private static String etag(Object version) {
        return "\"" + version + "\"";
    }

    /** Another version was saved since the one the request names. */
    static final class Stale extends RuntimeException {
        final int current;

        Stale(String code, int basedOn, int current) {
            super("index " + code + " was edited from version " + basedOn + " but is at version " + current);
            this.current = current;
        }
    }

    @ExceptionHandler(Stale.class)
    ProblemDetail stale(Stale e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
        p.setType(URI.create("urn:yardstick:stale-version"));
        p.setProperty("current", e.current);
        return p;
    }
}
