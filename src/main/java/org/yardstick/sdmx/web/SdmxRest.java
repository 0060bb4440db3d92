package org.yardstick.sdmx.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.sdmx.internal.DataFormat;
import org.yardstick.sdmx.internal.DataMessage;
import org.yardstick.sdmx.internal.DataQuery;
import org.yardstick.sdmx.internal.ErrorMessage;
import org.yardstick.sdmx.internal.Dsd;
import org.yardstick.sdmx.internal.SdmxCatalogue;
import org.yardstick.sdmx.internal.SdmxData;
import org.yardstick.sdmx.internal.SdmxRequestException;
import org.yardstick.sdmx.internal.StructureWriter;

/**
 * The SDMX 2.1 REST interface (统计数据与元数据交换): structure queries ({@code dataflow}, {@code datastructure},
 * {@code codelist}, {@code conceptscheme}) answered in SDMX-ML 2.1, and data queries
 * ({@code /sdmx/rest/data/{flow}/{key}}) in structure-specific SDMX-ML, SDMX-CSV or SDMX-JSON, streamed.
 * Public and read-only; approved figures only. Errors are SDMX-ML Error messages for a client that asks for
 * SDMX-ML, problem details (RFC 9457) with the reason otherwise.
 */
@RestController
@Tag(name = "SDMX", description = "SDMX 2.1 REST: structures and approved data as SDMX-ML, SDMX-CSV and SDMX-JSON")
class SdmxRest {

    static final String STRUCTURE_TYPE = "application/vnd.sdmx.structure+xml;version=2.1";
    private static final String RESOURCES = "dataflow|datastructure|codelist|conceptscheme";
    /** An SDMX-ML error message, as answered to a client whose Accept names SDMX-ML. */
    static final String SDMX_ERROR = """
            <mes:Error xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" \
            xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"><mes:ErrorMessage code="100">\
            <com:Text xml:lang="en">no dataflow "NOPE"</com:Text></mes:ErrorMessage></mes:Error>""";

    private final SdmxCatalogue catalogue;
    private final SdmxData data;
    private final MessageSource messages;
    private final Clock clock;

    SdmxRest(SdmxCatalogue catalogue, SdmxData data, MessageSource messages, Clock clock) {
        this.catalogue = catalogue;
        this.data = data;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping({"/sdmx/rest/{resource:" + RESOURCES + "}", "/sdmx/rest/{resource:" + RESOURCES + "}/{agency}",
        "/sdmx/rest/{resource:" + RESOURCES + "}/{agency}/{id}",
        "/sdmx/rest/{resource:" + RESOURCES + "}/{agency}/{id}/{version}"})
    @Operation(summary = "SDMX structure query", description = """
            Data flows (one per data set, ALL for every approved reported figure, COMPUTED for the computed \
            figures), the data structure definition DSD_YARDSTICK, the code lists (CL_REGION, CL_INDICATOR, \
            CL_UNIT, CL_BREAKDOWN, CL_FREQ, CL_OBS_STATUS) and the concept scheme, as an SDMX-ML 2.1 Structure \
            message. agency, id and version take `all`; version also `latest`. \
            references: none (default), parents, children, descendants, all.""",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = STRUCTURE_TYPE,
                        examples = @ExampleObject(value = "<mes:Structure …><mes:Structures><str:Codelists>…"))),
                @ApiResponse(responseCode = "404", description = "no such structure",
                        content = {@Content(mediaType = "application/problem+json"), @Content(mediaType = ErrorMessage.CONTENT_TYPE,
                        examples = @ExampleObject(value = SDMX_ERROR))}),
                @ApiResponse(responseCode = "406", description = "Accept names no SDMX-ML 2.1 structure type",
                        content = {@Content(mediaType = "application/problem+json"), @Content(mediaType = ErrorMessage.CONTENT_TYPE,
                        examples = @ExampleObject(value = SDMX_ERROR))})})
    void structure(@Parameter(example = "codelist") @PathVariable String resource,
                   @Parameter(example = "YARDSTICK") @PathVariable(required = false) @Nullable String agency,
                   @Parameter(example = "CL_REGION") @PathVariable(required = false) @Nullable String id,
                   @Parameter(example = "latest") @PathVariable(required = false) @Nullable String version,
                   @Parameter(example = "children") @RequestParam(required = false) @Nullable String references,
                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
                   HttpServletResponse response) throws IOException {
        DataFormat.requireStructureXml(accept);
        checkAgencyAndVersion(resource, agency, id, version);
        String wanted = id == null || id.equalsIgnoreCase("all") ? null : id;
        String refs = references == null || references.isBlank() ? "none" : references.toLowerCase(Locale.ROOT);
        if (!List.of("none", "parents", "parentsandsiblings", "children", "descendants", "all").contains(refs)) {
            throw new SdmxRequestException(400, "sdmx.error.references",
                    "references '" + references + "' is not one of none, parents, children, descendants, all", references);
        }
        boolean down = refs.equals("children") || refs.equals("descendants") || refs.equals("all");
        boolean up = refs.startsWith("parents") || refs.equals("all");
        List<SdmxCatalogue.Flow> flows = new ArrayList<>();
        Map<String, SdmxCatalogue.Codelist> all = catalogue.codelists();
        Collection<SdmxCatalogue.Codelist> codelists = new ArrayList<>();
        boolean concepts = false;
        boolean dsd = false;
        switch (resource) {
            case "dataflow" -> {
                for (SdmxCatalogue.Flow f : catalogue.flows()) {
                    if (wanted == null || f.id().equals(wanted)) {
                        flows.add(f);
                    }
                }
                if (flows.isEmpty()) {
                    throw unknown(resource, wanted);
                }
                dsd = down;
                concepts = refs.equals("descendants") || refs.equals("all");
                if (concepts) {
                    codelists = all.values();
                }
            }
            case "datastructure" -> {
                if (wanted != null && !wanted.equals(Dsd.ID)) {
                    throw unknown(resource, wanted);
                }
                dsd = true;
                if (down) {
                    codelists = all.values();
                    concepts = true;
                }
                if (up) {
                    flows.addAll(catalogue.flows());
                }
            }
            case "codelist" -> {
                if (wanted == null) {
                    codelists = all.values();
                } else if (all.containsKey(wanted)) {
                    codelists = List.of(all.get(wanted));
                } else {
                    throw unknown(resource, wanted);
                }
                dsd = up;
            }
            default -> {
                if (wanted != null && !wanted.equals(Dsd.CONCEPTS)) {
                    throw unknown(resource, wanted);
                }
                concepts = true;
                dsd = up;
            }
        }
        response.setContentType(STRUCTURE_TYPE);
        response.setCharacterEncoding("UTF-8");
        StructureWriter.write(response.getOutputStream(), catalogue,
                new StructureWriter.Contents(flows, codelists, concepts, dsd), now());
    }

    @GetMapping({"/sdmx/rest/data/{flow}", "/sdmx/rest/data/{flow}/{key}", "/sdmx/rest/data/{flow}/{key}/{provider}"})
    @Operation(summary = "SDMX data query", description = """
            The approved figures of a data flow (ALL, COMPUTED or a data set's code; also agency,id,version) \
            selected by a key FREQ.REF_AREA.INDICATOR.BREAKDOWN (dot-separated, '+' for several codes, empty \
            for any; `all` for everything) and a period range, as SDMX-ML 2.1 structure-specific data \
            (application/vnd.sdmx.structurespecificdata+xml;version=2.1), SDMX-CSV \
            (application/vnd.sdmx.data+csv;version=1.0.0) or SDMX-JSON \
            (application/vnd.sdmx.data+json;version=1.0.0), chosen by Accept or format=structurespecificdata|csv|jsondata. \
            Streamed. 400 for a malformed key or period, 404 for an unknown flow or no data, 406 for an \
            unsupported Accept.""",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/vnd.sdmx.data+csv;version=1.0.0",
                        examples = @ExampleObject(value = """
                                DATAFLOW,FREQ,REF_AREA,INDICATOR,BREAKDOWN,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,OBS_QUALIFIER,COVERAGE
                                YARDSTICK:ALL(1.0),A,65,IIDI,_T,2015,56.96,PURE_NUMBER,A,,
                                """))),
                @ApiResponse(responseCode = "400", description = "malformed key, period or dimensionAtObservation",
                        content = {@Content(mediaType = "application/problem+json"), @Content(mediaType = ErrorMessage.CONTENT_TYPE,
                        examples = @ExampleObject(value = SDMX_ERROR))}),
                @ApiResponse(responseCode = "404", description = "unknown flow, or no data for the query",
                        content = {@Content(mediaType = "application/problem+json"), @Content(mediaType = ErrorMessage.CONTENT_TYPE,
                        examples = @ExampleObject(value = SDMX_ERROR))}),
                @ApiResponse(responseCode = "406", description = "unsupported Accept or format",
                        content = {@Content(mediaType = "application/problem+json"), @Content(mediaType = ErrorMessage.CONTENT_TYPE,
                        examples = @ExampleObject(value = SDMX_ERROR))})})
    void data(@Parameter(example = "ALL") @PathVariable String flow,
              @Parameter(example = "A.65.IIDI._T") @PathVariable(required = false) @Nullable String key,
              @Parameter(example = "all") @PathVariable(required = false) @Nullable String provider,
              @Parameter(example = "2015") @RequestParam(required = false) @Nullable String startPeriod,
              @Parameter(example = "2020") @RequestParam(required = false) @Nullable String endPeriod,
              @Parameter(example = "TIME_PERIOD") @RequestParam(required = false) @Nullable String dimensionAtObservation,
              @Parameter(example = "csv") @RequestParam(required = false) @Nullable String format,
              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
              HttpServletRequest request, HttpServletResponse response) throws IOException {
        DataFormat chosen = DataFormat.choose(format, accept);
        SdmxCatalogue.Flow f = flow(flow);
        if (provider != null && !provider.equalsIgnoreCase("all") && !provider.equals(catalogue.agency())) {
            throw new SdmxRequestException(404, "sdmx.error.provider", "no data provider '" + provider + "'", provider);
        }
        DataQuery query = DataQuery.parse(key, startPeriod, endPeriod, dimensionAtObservation);
        DataMessage.Header header = new DataMessage.Header("IDREF" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16), catalogue.agency(), f.id(), query.flat(), now(), locale(request));
        DataMessage[] message = {null};
        OutputStream[] out = {null};
        long rows = data.read(f, query, row -> {
            if (message[0] == null) {
                response.setContentType(chosen.contentType());
                response.setCharacterEncoding("UTF-8");
                try {
                    out[0] = response.getOutputStream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                message[0] = DataMessage.open(chosen, out[0], header);
            }
            message[0].row(row);
        });
        if (rows == 0) {
            throw new SdmxRequestException(404, "sdmx.error.no-results", "no data for flow " + f.id() + " and key "
                    + (key == null ? "all" : key), f.id(), key == null ? "all" : key);
        }
        message[0].finish();
        out[0].flush();
    }

    private SdmxCatalogue.Flow flow(String ref) {
        String[] parts = ref.split(",", -1);
        String agency = parts.length >= 2 ? parts[0] : null;
        String id = parts.length >= 2 ? parts[1] : parts[0];
        String version = parts.length >= 3 ? parts[2] : null;
        if (parts.length > 3) {
            throw new SdmxRequestException(400, "sdmx.error.flow-ref",
                    "'" + ref + "' is not a flow reference (id, or agency,id,version)", ref);
        }
        checkAgencyAndVersion("dataflow", agency, id, version);
        return catalogue.flow(id).orElseThrow(() -> unknown("dataflow", id));
    }

    private void checkAgencyAndVersion(String resource, @Nullable String agency, @Nullable String id,
                                       @Nullable String version) {
        if (agency != null && !agency.equalsIgnoreCase("all") && !agency.equals(catalogue.agency())) {
            throw new SdmxRequestException(404, "sdmx.error.agency", "no agency '" + agency + "' here; structures are "
                    + catalogue.agency() + "'s", agency, catalogue.agency());
        }
        if (version != null && !version.equalsIgnoreCase("all") && !version.equalsIgnoreCase("latest")
                && !version.equals(Dsd.VERSION)) {
            throw new SdmxRequestException(404, "sdmx.error.version",
                    "no version '" + version + "' of " + resource + " " + id + "; every structure is " + Dsd.VERSION,
                    version, resource, String.valueOf(id), Dsd.VERSION);
        }
    }

    private static SdmxRequestException unknown(String resource, @Nullable String id) {
        return new SdmxRequestException(404, "sdmx.error.unknown", "no " + resource + " '" + id + "'", resource,
                String.valueOf(id));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
    }

    private static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        String tag = lang != null ? lang : header != null ? header : "zh";
        return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * A refusal in the form the client reads: an SDMX-ML 2.1 Error message (its standard code, the reason in
     * Chinese and English) when {@code Accept} names an SDMX-ML type, problem details (RFC 9457) otherwise.
     */
    @ExceptionHandler(SdmxRequestException.class)
    ResponseEntity<?> refused(SdmxRequestException e, HttpServletRequest request, HttpServletResponse response) {
        Locale locale = locale(request);
        HttpStatus status = HttpStatus.valueOf(e.status());
        response.reset();
        if (ErrorMessage.wanted(request.getHeader(HttpHeaders.ACCEPT))) {
            Map<String, String> texts = new java.util.LinkedHashMap<>();
            for (Locale l : locale.getLanguage().equals("en") ? List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)
                    : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                texts.put(l.getLanguage(), messages.getMessage(e.key(), e.args(), e.getMessage(), l));
            }
            return ResponseEntity.status(status).contentType(MediaType.parseMediaType(ErrorMessage.CONTENT_TYPE))
                    .body(ErrorMessage.write(ErrorMessage.code(e), texts));
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.key(), e.args(), e.getMessage(), locale));
        p.setTitle(messages.getMessage("sdmx.error.title." + e.status(), null, status.getReasonPhrase(), locale));
        p.setType(URI.create("urn:yardstick:sdmx:" + e.key().substring("sdmx.error.".length())));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
