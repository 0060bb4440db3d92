package org.yardstick.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSetAuthoring.Draft;
import org.yardstick.observation.DataSetAuthoring.WindowDraft;
import org.yardstick.observation.DataSetAuthoring;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.internal.DataSetProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.web.ETags;
import org.yardstick.web.ProblemText;
import tools.jackson.databind.JsonNode;

/**
 * Data sets through the API (数据集接口): read, create, change, open a collection window (a past
 * period only with a reason), retire. Planners within their region's subtree, administrators everywhere.
 */
@RestController
@RequestMapping(path = "/api/v1/data-sets", produces = "application/json")
@Tag(name = "collection", description = "Data sets, figures and the approval workflow (数据采集与审核)")
class DataSetApi extends ApiSupport {

    static final String CREATE_EXAMPLE = """
            {"code":"wdi-panel","nameZh":"世界发展指标面板","nameEn":"World development panel","regionLevel":"COUNTRY",
             "periodType":"YEAR","indicators":[{"code":"BB_USERS","required":true},{"code":"FTTH_USERS","required":false}],
             "regions":[],"maxDecimals":12,
             "windows":[{"period":"2021","opensOn":"2026-06-01","closesOn":"2026-12-31","reason":"补报 2021 年数据"}],
             "breakdowns":{"area":["urban","rural-pastoral"]}}""";

    static final String VIEW_EXAMPLE = """
            {"code":"wdi-panel","nameZh":"世界发展指标面板","nameEn":"World development panel","regionLevel":"COUNTRY",
             "periodType":"YEAR","planCode":null,"descriptionZh":"","descriptionEn":"",
             "indicators":[{"code":"BB_USERS","required":true},{"code":"FTTH_USERS","required":false}],"regions":[],
             "maxDecimals":12,"windows":[{"period":"2021","opensOn":"2026-06-01","closesOn":"2026-12-31",
             "reason":"补报 2021 年数据","open":true}],"retired":false,"version":0,
             "breakdowns":{"area":["urban","rural-pastoral"]}}""";

    static final String PROBLEMS_EXAMPLE = """
            {"type":"urn:yardstick:invalid-input","title":"Invalid input","status":422,"detail":"2 problem(s) in the input",
             "total":2,"problems":[{"source":"data set","row":0,"field":"indicators[1]","value":"NOPE",
             "code":"data-set.unknown-indicator","reason":"is not a known indicator code"},{"source":"data set","row":0,
             "field":"windows[0].reason","value":"","code":"data-set.backfill-reason",
             "reason":"ended on 2021-12-31, more than a year ago, or its window has closed: opening a past period for back-filling needs a reason"}]}""";

    record ItemBody(String code, @Nullable Boolean required) {}

    record WindowBody(@Nullable String period, @Nullable String opensOn, @Nullable String closesOn, @Nullable String reason) {}

    record CreateBody(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn, @Nullable String regionLevel,
                      @Nullable String periodType, @Nullable String planCode, @Nullable String descriptionZh,
                      @Nullable String descriptionEn, @Nullable List<ItemBody> indicators, @Nullable List<String> regions,
                      @Nullable Integer maxDecimals, @Nullable List<WindowBody> windows,
                      @Nullable Map<String, List<String>> breakdowns) {}

    record ItemView(String code, boolean required) {}

    record WindowView(String period, LocalDate opensOn, LocalDate closesOn, String reason, boolean open) {}

    record DataSetView(String code, String nameZh, String nameEn, String regionLevel, String periodType,
                       @Nullable String planCode, String descriptionZh, String descriptionEn, List<ItemView> indicators,
                       List<String> regions, @Nullable Integer maxDecimals, List<WindowView> windows, boolean retired,
                       int version, Map<String, List<String>> breakdowns) {}

    private final DataSets dataSets;
    private final DataSetAuthoring authoring;
    private final Clock clock;

    DataSetApi(DataSets dataSets, DataSetAuthoring authoring, Clock clock, MessageSource messages,
            ProblemText problemText) {
        super(messages, problemText);
        this.dataSets = dataSets;
        this.authoring = authoring;
        this.clock = clock;
    }

    DataSetView view(DataSet d) {
        LocalDate today = LocalDate.now(clock);
        return new DataSetView(d.code(), d.name().zh(), d.name().en(), d.regionLevel().name(), d.periodType().name(),
                d.planCode(), d.description().zh(), d.description().en(),
                d.items().stream().map(i -> new ItemView(i.indicatorCode(), i.required())).toList(), d.regionCodes(),
                d.maxDecimals(), d.windows().stream().map(w -> new WindowView(w.period(), w.opensOn(), w.closesOn(),
                        w.reason(), !d.retired() && w.isOpen(today))).toList(), d.retired(), d.version(),
                breakdowns(d.code()));
    }

    /** The data set's breakdowns by dimension, as the files write them ({@code area: [urban, rural-pastoral]}). */
    Map<String, List<String>> breakdowns(String code) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        dataSets.declared(code).forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v)); // crossed: [area, enterprise_size]
        return out;
    }

    @GetMapping
    @Operation(summary = "All data sets, retired ones included (retired: true)")
    List<DataSetView> all() {
        return dataSets.all().stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "A data set with its indicators, reporting regions and collection windows")
    @ApiResponse(responseCode = "200", description = "The data set; its ETag is its version and a digest (`\"3-9f86d081\"`), `If-Match` of a change takes it (or the version)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = VIEW_EXAMPLE)))
    @ApiResponse(responseCode = "304", description = "Unchanged since the version `If-None-Match` names")
    ResponseEntity<DataSetView> one(@PathVariable String code,
                                    @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        DataSetView view = view(dataSets.get(code));
        return ETags.answer(ifNoneMatch, ETags.ofVersion(view.version(), view.toString()), ResponseEntity.ok(), view);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Create a data set",
            description = "Indicators in the order the form shows them; `regions` the regions within which regions of "
                    + "`regionLevel` report it (empty: all); `maxDecimals` 0–16 (empty: 16). A window of a period that has "
                    + "already ended needs a `reason` (补报, back-filling). `breakdowns`: the categories (disaggregations.yaml) "
                    + "figures may be broken down by, by dimension; `\"crossed\":[\"area\",\"enterprise_size\"]` crosses two or more "
                    + "of them, and figures then carry one combination (`urban+large`, 交叉分组). Every problem is listed at once.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = CREATE_EXAMPLE)))
    @ApiResponse(responseCode = "201", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = VIEW_EXAMPLE)))
    @ApiResponse(responseCode = "422", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(value = PROBLEMS_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "Reporting regions outside your scope (planners), or a data set of every region (administrators only)")
    ResponseEntity<DataSetView> create(@RequestBody CreateBody body) {
        List<WindowDraft> windows = new ArrayList<>();
        for (WindowBody w : body.windows() == null ? List.<WindowBody>of() : body.windows()) {
            windows.add(new WindowDraft(nz(w.period()), nz(w.opensOn()), nz(w.closesOn()), nz(w.reason())));
        }
        Draft d = new Draft(nz(body.code()), nz(body.nameZh()), nz(body.nameEn()), nz(body.regionLevel()),
                nz(body.periodType()), body.planCode(), nz(body.descriptionZh()), nz(body.descriptionEn()),
                items(body.indicators()), body.regions() == null ? List.of() : body.regions(), body.maxDecimals(), windows,
                body.breakdowns());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(authoring.create(d)));
    }

    @PatchMapping(path = "/{code}", consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Change a data set: only the fields given (JSON merge patch)",
            description = "Fields as in creation, except `code` and `windows` (see the windows sub-resource); `reason` "
                    + "goes to the audit trail. `version` (or `If-Match`) is the version you read: a stale one answers 412. "
                    + "Level and period type change only while the data set has no submissions. `breakdowns` replaces "
                    + "them all; a category with figures cannot be removed.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"nameEn\":\"World development indicators\",\"maxDecimals\":null,"
                    + "\"version\":3,\"reason\":\"英文名称按统计局口径\"}")))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = VIEW_EXAMPLE)))
    @ApiResponse(responseCode = "412", description = "Someone changed the data set since you read it", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEMS_EXAMPLE)))
    DataSetView patch(@PathVariable String code, @RequestBody JsonNode body,
                      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        DataSet current = dataSets.get(code);
        Draft d = Draft.of(current);
        List<InputProblem> problems = new ArrayList<>();
        var names = body.propertyNames();
        for (String f : names) {
            if (!List.of("nameZh", "nameEn", "regionLevel", "periodType", "planCode", "descriptionZh", "descriptionEn",
                    "indicators", "regions", "maxDecimals", "version", "reason", "breakdowns").contains(f)) {
                problems.add(InputProblem.of("data set", 0, f, null, DataSetProblem.UNKNOWN_FIELD));
            }
        }
        Integer version = null;
        if (body.has("version") && !body.get("version").isNull()) {
            if (!body.get("version").canConvertToInt()) {
                problems.add(InputProblem.of("data set", 0, "version", body.get("version").toString(), ApiProblem.NOT_AN_INTEGER));
            } else {
                version = body.get("version").asInt();
            }
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            try {
                version = ETags.version(ifMatch);
            } catch (NumberFormatException e) {
                problems.add(InputProblem.of("data set", 0, "If-Match", ifMatch, ApiProblem.NOT_AN_INTEGER));
            }
        }
        Integer maxDecimals = d.maxDecimals();
        if (body.has("maxDecimals")) {
            JsonNode m = body.get("maxDecimals");
            if (m.isNull()) {
                maxDecimals = null;
            } else if (m.canConvertToInt() && m.isIntegralNumber()) {
                maxDecimals = m.asInt();
            } else {
                problems.add(InputProblem.of("data set", 0, "maxDecimals", m.toString(), DataSetProblem.DECIMALS));
            }
        }
        Map<String, List<String>> breakdowns = null;
        if (body.has("breakdowns")) {
            JsonNode b = body.get("breakdowns");
            breakdowns = new java.util.LinkedHashMap<>();
            if (b.isObject()) {
                for (String dimension : b.propertyNames()) {
                    List<String> categories = new ArrayList<>();
                    if (b.get(dimension).isArray()) {
                        b.get(dimension).forEach(c -> categories.add(String.valueOf(str(c))));
                    } else {
                        problems.add(InputProblem.of("data set", 0, "breakdowns." + dimension, b.get(dimension).toString(),
                                DataSetProblem.UNKNOWN_BREAKDOWN, "[…]"));
                    }
                    breakdowns.put(dimension, categories);
                }
            } else if (!b.isNull()) {
                problems.add(InputProblem.of("data set", 0, "breakdowns", b.toString(), DataSetProblem.UNKNOWN_DIMENSION, "{…}"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<DataSet.Item> items = d.items();
        if (body.has("indicators") && body.get("indicators").isArray()) {
            items = new ArrayList<>();
            for (JsonNode i : body.get("indicators")) {
                String c = i.isObject() ? str(i.get("code")) : str(i);
                boolean required = !i.isObject() || i.get("required") == null || i.get("required").isNull()
                        || i.get("required").asBoolean();
                items.add(new DataSet.Item(c == null ? "" : c, required));
            }
        }
        List<String> regionCodes = d.regionCodes();
        if (body.has("regions") && body.get("regions").isArray()) {
            regionCodes = new ArrayList<>();
            for (JsonNode r : body.get("regions")) {
                String c = str(r);
                regionCodes.add(c == null ? "" : c);
            }
        }
        Draft next = new Draft(code, or(body, "nameZh", d.nameZh()), or(body, "nameEn", d.nameEn()),
                or(body, "regionLevel", d.regionLevel()), or(body, "periodType", d.periodType()),
                body.has("planCode") ? str(body.get("planCode")) : d.planCode(), or(body, "descriptionZh", d.descriptionZh()),
                or(body, "descriptionEn", d.descriptionEn()), items, regionCodes, maxDecimals, List.of(), breakdowns);
        String reason = body.has("reason") ? str(body.get("reason")) : "";
        return view(authoring.update(code, next, version, reason == null ? "" : reason));
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Retire a data set (停用), with a reason: kept with its figures, collected no more; never deleted",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The retired data set (retired: true)")
    @ApiResponse(responseCode = "422", description = "No reason given", content = @Content(mediaType = "application/problem+json"))
    DataSetView retire(@PathVariable String code,
                       @Parameter(description = "why", example = "2025 年起并入新的统计报表") @RequestParam(defaultValue = "") String reason) {
        return view(authoring.retire(code, reason));
    }

    @GetMapping("/{code}/windows")
    @Operation(summary = "The collection windows of a data set")
    List<WindowView> windows(@PathVariable String code) {
        return view(dataSets.get(code)).windows();
    }

    @PostMapping(path = "/{code}/windows", consumes = "application/json")
    @Operation(summary = "Open (or move) the collection window of a period; a period that has ended needs a reason (补报)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(value = "{\"period\":\"2021\",\"opensOn\":\"2026-06-01\",\"closesOn\":\"2026-06-30\","
                    + "\"reason\":\"第三次经济普查后补报 2021 年数据\"}")))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = VIEW_EXAMPLE)))
    @ApiResponse(responseCode = "422", content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = PROBLEMS_EXAMPLE)))
    DataSetView openWindow(@PathVariable String code, @RequestBody WindowBody w) {
        return view(authoring.openWindow(code, new WindowDraft(nz(w.period()), nz(w.opensOn()), nz(w.closesOn()), nz(w.reason()))));
    }

    @PutMapping(path = "/{code}/windows/{period}", consumes = "application/json")
    @Operation(summary = "Open (or move) the collection window of the period in the path",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    DataSetView putWindow(@PathVariable String code, @PathVariable String period, @RequestBody WindowBody w) {
        return view(authoring.openWindow(code, new WindowDraft(period, nz(w.opensOn()), nz(w.closesOn()), nz(w.reason()))));
    }

    private static List<DataSet.Item> items(@Nullable List<ItemBody> items) {
        if (items == null) {
            return List.of();
        }
        return items.stream().map(i -> new DataSet.Item(i == null || i.code() == null ? "" : i.code(),
                i == null || i.required() == null || i.required())).toList();
    }

    private static String or(JsonNode body, String field, String fallback) {
        if (!body.has(field)) {
            return fallback;
        }
        String s = str(body.get(field));
        return s == null ? "" : s;
    }

    private static @Nullable String str(@Nullable JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isValueNode() ? n.asString() : n.toString();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
