package org.yardstick.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.observation.imports.FigureImports;
import org.yardstick.observation.imports.ImportSlots;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.web.ProblemText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figures through the API (数据报送接口): the long-form CSV of the import page, or the same rows as
 * JSON, through the import page's own code path ({@link FigureImports}) — the same checks, all or
 * nothing, {@code ?dryRun=true} to check without writing.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "collection", description = "Data sets, figures and the approval workflow (数据采集与审核)")
class FigureApi extends ApiSupport {

    static final String CSV_EXAMPLE = """
            indicator,region,period,value,qualifier,comment,breakdown
            BB_USERS,650102,2025,123456.7890123456,,,
            FTTH_USERS,650102,2025,98765,,,
            FTTH_USERS,650102,2025,61000,,,urban
            FTTH_USERS,650102,2025,37765,,,rural-pastoral""";

    static final String JSON_EXAMPLE = """
            [{"indicator":"BB_USERS","region":"650102","period":"2025","value":123456.7890123456},
             {"indicator":"FTTH_USERS","region":"650102","period":"2025","value":"98765","qualifier":"约","comment":"初步数"},
             {"indicator":"FTTH_USERS","region":"650102","period":"2025","value":"61000","breakdown":"urban"},
             {"indicator":"FTTH_USERS","region":"650102","period":"2025","value":"37765","breakdown":"rural-pastoral"}]""";

    static final String SUMMARY_EXAMPLE = """
            {"dataSet":"xj-county-info","source":"figures.csv","rows":2,"added":1,"changed":1,"unchanged":0,
             "skipped":0,"dryRun":false,"warnings":[]}""";

    static final String PROBLEMS_EXAMPLE = """
            {"type":"urn:yardstick:invalid-input","title":"Invalid input","status":422,"detail":"2 problem(s) in the input",
             "total":2,"problems":[{"source":"figures.csv","row":2,"field":"value","value":"12,3x","code":"collection.not-a-number",
             "reason":"is not a number"},{"source":"figures.csv","row":3,"field":"region","value":"650103",
             "code":"collection.out-of-scope","reason":"is outside the regions you may report for"}]}""";

    private final FigureImports imports;
    private final ImportSlots slots;
    private final JsonMapper json;

    FigureApi(FigureImports imports, ImportSlots slots, JsonMapper json, MessageSource messages,
            ProblemText problemText) {
        super(messages, problemText);
        this.imports = imports;
        this.slots = slots;
        this.json = json;
    }

    @PostMapping(path = "/figures", consumes = {"text/csv", "text/plain", "application/octet-stream",
        MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import figures into a data set: long-form CSV or the same rows as JSON, all or nothing",
            description = "The body is the CSV file of the import page (`Content-Type: text/csv`; header "
                    + "`indicator,region,period,value[,qualifier,comment,breakdown]`, UTF-8 or GBK) or a JSON array of rows "
                    + "(`application/json`; values as numbers or strings, read exactly, up to 16 decimals). The same "
                    + "checks as the import page: indicators of the data set, regions of its level in your scope, open "
                    + "periods, editable submissions, values, validation rules. A file with any problem writes nothing and "
                    + "answers 422 listing every problem (row, field, value, reason) in the language of Accept-Language. "
                    + "Figures equal to stored ones of submitted or approved submissions are skipped and counted; changing "
                    + "one is refused. `dryRun=true` answers what would happen and writes nothing. The optional `breakdown` "
                    + "column or field names the category of a figure broken down (`urban`, `rural-pastoral`: one of "
                    + "the data set's breakdowns, else refused); empty or absent for the total. For a data set that crosses "
                    + "dimensions (交叉分组) it may name a combination, one category per crossed dimension joined by `+` in any "
                    + "order (`urban+large`, stored as the canonical code); a combination missing a crossed dimension, naming "
                    + "a category of no crossed dimension or two of one, or sent to a data set that does not cross, is refused.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @RequestBody(content = {
        @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
        @Content(mediaType = "application/json", examples = @ExampleObject(name = "json", value = JSON_EXAMPLE))})
    @ApiResponse(responseCode = "200", description = "What was imported (or would be, in a dry run)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = SUMMARY_EXAMPLE)))
    @ApiResponse(responseCode = "422", description = "Every problem of the input; nothing was written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEMS_EXAMPLE)))
    @ApiResponse(responseCode = "429", description = "As many imports as the server takes at once are running; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> figures(
            @Parameter(description = "data set code", example = "xj-county-info") @RequestParam String dataSet,
            @Parameter(description = "check only, write nothing") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "a name for the input in problems and the audit trail", example = "figures.csv")
            @RequestParam(defaultValue = "") String source,
            HttpServletRequest request) throws IOException {
        Locale locale = locale(request);
        ImportSlots.Slot slot = slots.tryTake();
        if (slot == null) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    messages.getMessage("api.busy", new Object[] {ImportSlots.RETRY_AFTER_SECONDS},
                            "Too many imports are running; try again later", locale));
            p.setType(URI.create("urn:yardstick:busy"));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(ImportSlots.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        try (slot; InputStream in = request.getInputStream()) {
            boolean isJson = request.getContentType() != null
                    && request.getContentType().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE);
            FigureImports.Outcome o;
            if (isJson) {
                String name = source.isBlank() ? "figures.json" : source;
                o = imports.importRows(dataSet, name, rows(name, in.readNBytes(64 * 1024 * 1024 + 1)), dryRun);
            } else {
                String name = source.isBlank() ? "figures.csv" : source;
                o = dryRun ? imports.dryRun(dataSet, name, in) : imports.importFile(dataSet, name, in);
            }
            return ResponseEntity.ok(summary(o, locale));
        }
    }

    private Map<String, Object> summary(FigureImports.Outcome o, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataSet", o.dataSetCode());
        m.put("source", o.source());
        m.put("rows", o.rows());
        m.put("added", o.created());
        m.put("changed", o.updated());
        m.put("unchanged", o.unchanged());
        m.put("skipped", o.skipped());
        m.put("dryRun", o.dryRun());
        m.put("warnings", problems(o.warnings(), locale));
        return m;
    }

    /** The rows of a JSON body: an array of rows, or {@code {"rows": [...]}}; numbers read exactly, never as doubles. */
    private List<FigureImports.Row> rows(String source, byte[] body) {
        if (body.length > 64 * 1024 * 1024) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.TOO_LARGE, "64 MB"));
        }
        JsonNode root;
        try {
            root = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, ApiProblem.NOT_JSON,
                    e.getOriginalMessage()));
        }
        JsonNode array = root != null && root.isObject() ? root.get("rows") : root;
        if (array == null || !array.isArray()) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, ApiProblem.NOT_ROWS));
        }
        List<FigureImports.Row> rows = new ArrayList<>();
        for (JsonNode r : array) {
            rows.add(new FigureImports.Row(text(r, "indicator"), text(r, "region"), text(r, "period"), text(r, "value"),
                    textOrNull(r, "qualifier"), textOrNull(r, "comment"), textOrNull(r, "breakdown")));
        }
        return rows;
    }

    private static String text(JsonNode row, String field) {
        String t = textOrNull(row, field);
        return t == null ? "" : t;
    }

    private static @Nullable String textOrNull(JsonNode row, String field) {
        JsonNode n = row.isObject() ? row.get(field) : null;
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue().toPlainString();
        }
        return n.isValueNode() ? n.asString() : n.toString();
    }
}
