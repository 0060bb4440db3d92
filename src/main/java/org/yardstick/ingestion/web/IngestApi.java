package org.yardstick.ingestion.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.ingestion.internal.Ingestion;
import org.yardstick.ingestion.internal.Proposal;
import org.yardstick.ingestion.rules.Item;
import org.yardstick.region.Regions;
import org.yardstick.security.CurrentUser;

/** {@code POST /api/v1/ingest}: a plan's text or file in, the proposed framework out. Stores nothing. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "ingestion", description = "Reading plans: proposed baselines, targets, milestones and tasks with their sentences")
@PreAuthorize("hasAnyRole('ADMIN', 'PLANNER')")
class IngestApi {

    /** A proposed item as the API gives it; offsets are character offsets into the document's text. */
    record ApiItem(String kind, String indicator, @Nullable CatalogueMatch catalogue, @Nullable BigDecimal value,
                   @Nullable BigDecimal valueHigh, String unit, @Nullable Integer year, @Nullable Integer baseYear,
                   String qualifier, String qualifierWord, String region, String text, List<String> units,
                   String section, String sentence, int start, int end, int figureStart, int figureEnd, int line,
                   double confidence, String breakdown, String category) {}

    /** The catalogue indicator an item maps to; {@code unitConflict}: the units disagree (flagged, never merged). */
    record CatalogueMatch(String code, String name, String unit, double confidence, boolean unitConflict) {}

    record ApiSection(String code, int level, String title, int line) {}

    record ApiProposal(String source, String title, @Nullable Integer issuedYear, int planEndYear,
                       List<ApiSection> sections, List<ApiItem> items) {}

    private static final String EXAMPLE = """
            {"source":"plan.txt","title":"内蒙古自治区“十三五”信息化发展规划","issuedYear":2017,"planEndYear":2020,
             "sections":[{"code":"2.2","level":2,"title":"发展目标","line":41}],
             "items":[{"kind":"target","indicator":"行政村通宽带比例",
               "catalogue":{"code":"VILLAGE_BB_RATE","name":"行政村通宽带比例","unit":"%","confidence":1.0,"unitConflict":false},
               "value":98,"valueHigh":null,"unit":"%","year":2020,"baseYear":null,"qualifier":"OVER","qualifierWord":"以上",
               "region":"15","text":"行政村通宽带比例达到98%以上","units":[],"section":"2.2.1",
               "sentence":"2020年，行政村通宽带比例达到98%以上。","start":2816,"end":2838,"figureStart":2832,
               "figureEnd":2837,"line":44,"confidence":0.95,"breakdown":"","category":""},
              {"kind":"target","indicator":"宽带用户接入能力",
               "catalogue":{"code":"BB_ACCESS_SPEED","name":"平均宽带接入能力","unit":"Mbps","confidence":0.57,"unitConflict":false},
               "value":12,"valueHigh":null,"unit":"Mbps","year":2020,"baseYear":null,"qualifier":"NONE","qualifierWord":"",
               "region":"15","text":"农村牧区用户接入能力平均达到12Mbps","units":[],"section":"2.2.2",
               "sentence":"2020年，互联网省际出口带宽达到9000Gbps；宽带城市用户接入能力平均达到50Mbps，农村牧区用户接入能力平均达到12Mbps，……",
               "start":2870,"end":2960,"figureStart":2925,"figureEnd":2931,"line":45,"confidence":0.82,
               "breakdown":"农村牧区","category":"rural-pastoral"}]}""";

    private final Ingestion ingestion;
    private final CurrentUser currentUser;
    private final Regions regions;

    IngestApi(Ingestion ingestion, CurrentUser currentUser, Regions regions) {
        this.ingestion = ingestion;
        this.currentUser = currentUser;
        this.regions = regions;
    }

    @PostMapping(path = "/ingest", consumes = {MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Propose a plan's framework from its text",
            description = "The body is the plan's text (UTF-8). Answers every proposed item — baselines, changes, "
                    + "growth rates, multiples, targets of every kind, counts, comparators, milestones and tasks with "
                    + "their responsible units — with the sentence it came from and its character offsets, and the "
                    + "catalogue indicator it maps to with a confidence. A figure given for several areas in one sentence "
                    + "(城市…，农村…) carries the area as written (`breakdown`) and, when the platform breaks its catalogue "
                    + "indicator down by that area, the category's code (`category`); else it is proposed as an indicator "
                    + "of its own named with the area. Nothing is stored.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The proposals",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "422", description = "Empty, too long, or not text",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type":"urn:yardstick:invalid-input","title":"Unprocessable Content","status":422,
                     "detail":"1 problem(s) in input","problems":[{"source":"pasted.txt","line":0,"field":"",
                     "value":"","code":"ingest.empty","reason":"holds no text"}]}""")))
    ApiProposal text(@RequestBody(required = false) @Nullable String body,
                     @Parameter(description = "Region code the plan is about (in the account's scope)", example = "15")
                     @RequestParam(name = "region", required = false) @Nullable String region,
                     @Parameter(description = "Year the plan was issued, if the text does not say", example = "2017")
                     @RequestParam(name = "year", required = false) @Nullable Integer year,
                     @RequestParam(name = "source", required = false) @Nullable String source) {
        String r = scope(region);
        return json(ingestion.propose(source == null || source.isBlank() ? "pasted.txt" : source,
                body == null ? "" : body, r, year));
    }

    @PostMapping(path = "/ingest", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(summary = "Propose a plan's framework from a file",
            description = "Multipart with a part `file`: .txt (UTF-8, GBK or GB18030), .docx, .doc, or .pdf with a "
                    + "text layer (at most 20 MB). The answer is that of the text form. Scanned PDFs, damaged or "
                    + "password-protected Word files, binary files and text in another encoding are refused with 422.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "The proposals",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "422", description = "The file cannot be read as a plan's text",
            content = @Content(mediaType = "application/problem+json"))
    ApiProposal file(@RequestPart("file") MultipartFile file,
                     @RequestParam(name = "region", required = false) @Nullable String region,
                     @RequestParam(name = "year", required = false) @Nullable Integer year) throws IOException {
        String r = scope(region);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename();
        byte[] bytes = file.getSize() > org.yardstick.ingestion.internal.DocumentText.MAX_BYTES
                ? new byte[org.yardstick.ingestion.internal.DocumentText.MAX_BYTES + 1] : file.getBytes();
        return json(ingestion.propose(name, ingestion.read(name, bytes), r, year));
    }

    private String scope(@Nullable String region) {
        currentUser.requirePlan();
        if (region == null || region.isBlank()) {
            return currentUser.account().map(a -> a.regionCode() == null ? "" : a.regionCode()).orElse("");
        }
        currentUser.requirePlan(regions.get(region));
        return region;
    }

    static ApiProposal json(Proposal p) {
        return new ApiProposal(p.source(), p.title(), p.issuedYear(), p.planEndYear(),
                p.sections().stream().map(s -> new ApiSection(s.code(), s.level(), s.title(), s.line())).toList(),
                p.items().stream().map(IngestApi::item).toList());
    }

    static ApiItem item(Item i) {
        CatalogueMatch m = i.match() == null ? null : new CatalogueMatch(i.match().entry().code(),
                i.match().entry().name(), i.match().entry().unit(), i.match().confidence(), i.match().unitConflict());
        return new ApiItem(i.kind().code(), i.indicator(), m, i.value(), i.valueHigh(), i.unit(), i.year(), i.baseYear(),
                i.qualifier().name(), i.qualifierWord(), i.region(), i.text(), i.units(), i.section(), i.sentence(),
                i.start(), i.end(), i.figureStart(), i.figureEnd(), i.line(), i.confidence(), i.breakdown(), i.category());
    }
}
