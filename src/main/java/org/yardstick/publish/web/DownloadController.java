package org.yardstick.publish.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.publish.internal.PublicTables;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.NotFoundException;
import org.yardstick.web.Downloads;

/**
 * Downloads of the public pages' tables (下载): a plan's targets, an indicator's figures, a region's
 * figures — CSV (UTF-8; {@code bom=true} for Excel), Excel with a metadata sheet, or JSON.
 */
@RestController
@Tag(name = "downloads", description = "The public pages' tables as files: approved figures only, full precision, provenance")
class DownloadController {

    static final String FORMATS = "csv (default), xlsx or json; anything else answers 400";
    static final String ETAG = "the weak ETag of an earlier download: 304 while the figures behind it are unchanged";

    private final PublicTables tables;
    private final MessageSource messages;

    DownloadController(PublicTables tables, MessageSource messages) {
        this.tables = tables;
        this.messages = messages;
    }

    @GetMapping("/plans/{code}/download")
    @Operation(summary = "A plan's targets with baseline, latest approved figure, status and source sentence")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", examples = @ExampleObject(value = """
            plan,section,indicator,indicator_name,unit,target,...
            XJ-14,2,A01,宽带接入用户,万户,XJ-14-A01,LEVEL,...""")))
    @ApiResponse(responseCode = "400", description = "an unknown format", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = """
            {"type": "urn:yardstick:bad-parameter", "status": 400, "field": "format", "value": "pdf",
             "detail": "unknown format pdf: csv, xlsx or json"}""")))
    @ApiResponse(responseCode = "404", description = "an unknown plan")
    ResponseEntity<StreamingResponseBody> plan(@PathVariable String code,
                           @Parameter(description = FORMATS) @RequestParam(defaultValue = "csv") String format,
                           @Parameter(description = "csv: start with a UTF-8 byte-order mark (Excel)")
                           @RequestParam(defaultValue = "false") boolean bom, Locale locale) {
        Locale l = Downloads.language(locale);
        return Downloads.answer(tables.plan(code, l), format, bom, messages, l);
    }

    @GetMapping("/indicators/{code}/download")
    @Operation(summary = "Every approved figure of an indicator in every region, and its computed figures with coverage")
    @ApiResponse(responseCode = "400", description = "an unknown format")
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current weak ETag: nothing read or sent")
    @ApiResponse(responseCode = "404", description = "an unknown indicator")
    ResponseEntity<StreamingResponseBody> indicator(@PathVariable String code,
                                @Parameter(description = "only regions of this level (PROVINCE, PREFECTURE, COUNTY …)")
                                @RequestParam(required = false) @Nullable String level,
                                @Parameter(description = FORMATS) @RequestParam(defaultValue = "csv") String format,
                                @RequestParam(defaultValue = "false") boolean bom, Locale locale,
                                @Parameter(description = ETAG) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                @Nullable String ifNoneMatch) {
        Locale l = Downloads.language(locale);
        RegionLevel regionLevel = null;
        if (level != null && !level.isBlank()) {
            try {
                regionLevel = RegionLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("region level", level);
            }
        }
        return Downloads.answer(tables.indicator(code, regionLevel, l), format, bom, messages, l,
                tables.indicatorState(code) + "|" + regionLevel, ifNoneMatch);
    }

    @GetMapping("/regions/{code}/download")
    @Operation(summary = "Every approved figure of a region, and its computed figures with coverage")
    @ApiResponse(responseCode = "400", description = "an unknown format")
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current weak ETag: nothing read or sent")
    @ApiResponse(responseCode = "404", description = "an unknown region")
    ResponseEntity<StreamingResponseBody> region(@PathVariable String code,
                             @Parameter(description = FORMATS) @RequestParam(defaultValue = "csv") String format,
                             @RequestParam(defaultValue = "false") boolean bom, Locale locale,
                             @Parameter(description = ETAG) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                             @Nullable String ifNoneMatch) {
        Locale l = Downloads.language(locale);
        return Downloads.answer(tables.region(code, l), format, bom, messages, l, tables.regionState(code), ifNoneMatch);
    }
}
