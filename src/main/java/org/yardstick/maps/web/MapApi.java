package org.yardstick.maps.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.yardstick.maps.internal.Boundaries;
import org.yardstick.maps.internal.BoundaryMap;
import org.yardstick.maps.internal.MapFigures;
import org.yardstick.maps.internal.MapView;
import org.yardstick.shared.NotFoundException;

/**
 * The public map endpoints (公开): an indicator's approved and computed figures by area below a
 * region for a year, and the GeoJSON boundaries of a region's areas keyed by division code.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "maps", description = "Choropleth maps: figures by area and the areas' boundaries")
class MapApi {

    static final String GEO_JSON = "application/geo+json";

    private final MapFigures figures;
    private final Boundaries boundaries;

    MapApi(MapFigures figures, Boundaries boundaries) {
        this.figures = figures;
        this.boundaries = boundaries;
    }

    @GetMapping(path = "/indicators/{code}/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An indicator's figures by area below a region for one year, as a map draws them",
            description = "Each area's approved reported total for the year, else its computed figure (汇总值) with coverage; "
                    + "`boundaries` is the address of the areas' GeoJSON, null where no boundary file draws them. "
                    + "Without `region`, the region whose areas have the most figures.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
                        {"indicator":"BB_USERS","name":{"zh":"互联网宽带接入用户","en":"Broadband internet subscribers"},
                         "unit":{"zh":"万户","en":"10,000 subscribers"},"region":{"code":"65","name":{"zh":"新疆维吾尔自治区","en":"Xinjiang"},"level":"province"},
                         "path":[{"code":"CN","name":{"zh":"全国","en":"China (national)"},"level":"country"}],
                         "year":"2023","years":["2022","2023"],"boundaries":"/api/v1/regions/65/boundaries",
                         "attribution":"echarts 4.1.0 (npm, Apache-2.0): map/json","sketch":true,
                         "areas":[{"code":"6501","name":{"zh":"乌鲁木齐市","en":"Urumqi"},"level":"prefecture","value":120.5,
                                   "origin":"computed","covered":8,"expected":8,"drill":false}]}"""))),
                @ApiResponse(responseCode = "404", description = "unknown indicator or region"),
                @ApiResponse(responseCode = "422", description = "a year that is not one", content = @Content(
                        mediaType = "application/problem+json", examples = @ExampleObject(value = """
                        {"status":422,"title":"Invalid input","problems":[{"row":0,"field":"year","value":"20x3","reason":"must be a year such as 2023"}]}""")))
            })
    ResponseEntity<MapView> map(@PathVariable String code,
                                @Parameter(description = "the region whose areas to show", example = "65")
                                @RequestParam(required = false) @Nullable String region,
                                @Parameter(description = "the year; the latest with figures when absent", example = "2023")
                                @RequestParam(required = false) @Nullable String year,
                                @Parameter(description = "a breakdown category (urban): its reported figures, else rolled up from "
                                        + "the sub-regions (分组汇总值); absent or _T: the totals", example = "urban")
                                @RequestParam(required = false) @Nullable String breakdown) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(figures.view(code, region, year, breakdown));
    }

    @GetMapping(path = "/indices/{code}/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A composite index's scores by area below a region for one year, as a map draws them",
            description = "The scores of the index's root as the index page shows them (origin `computed`); "
                    + "without `region`, the index's scope. Same shape as the indicator map.")
    @ApiResponse(responseCode = "404", description = "unknown index or region")
    @ApiResponse(responseCode = "422", description = "a year that is not one")
    ResponseEntity<MapView> indexMap(@PathVariable String code,
                                     @Parameter(description = "the region whose areas to show", example = "65")
                                     @RequestParam(required = false) @Nullable String region,
                                     @Parameter(description = "the year; the latest with scores when absent", example = "2016")
                                     @RequestParam(required = false) @Nullable String year) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(figures.indexView(code, region, year));
    }

    @GetMapping(path = "/regions/{code}/boundaries", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The boundaries of the areas below a region (GeoJSON, features keyed by division code)",
            description = "`properties.code` of each feature is the region it draws (\"\" where none matched). "
                    + "Attribution (标准地图 审图号, or the sketch map's source) in the `X-Map-Attribution` header, URL-encoded; "
                    + "`X-Map-Sketch: true` for a sketch map (示意图).")
    @ApiResponse(responseCode = "404", description = "no boundary file draws the areas below this region")
    ResponseEntity<String> boundaries(@PathVariable String code, WebRequest request) {
        BoundaryMap map = boundaries.of(code).orElseThrow(() -> new NotFoundException("boundaries", code));
        if (request.checkNotModified('"' + map.etag() + '"')) {
            return ResponseEntity.status(304).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEO_JSON))
                .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
                .eTag(map.etag())
                .header("X-Map-Attribution", java.net.URLEncoder.encode(map.attribution(), java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Map-Sketch", Boolean.toString(map.sketch()))
                .body(map.geoJson());
    }
}
