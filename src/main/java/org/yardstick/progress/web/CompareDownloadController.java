package org.yardstick.progress.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.observation.Observation;
import org.yardstick.progress.internal.Comparison;
import org.yardstick.progress.internal.Comparisons;
import org.yardstick.region.RegionLevel;
import org.yardstick.shared.NotFoundException;
import org.yardstick.shared.TableDownload;
import org.yardstick.shared.TableDownload.Column;
import org.yardstick.web.Downloads;

/** The region comparison's ranking table as a download (CSV, Excel, JSON): approved figures only. */
@RestController
@Tag(name = "downloads")
class CompareDownloadController {

    private final Comparisons comparisons;
    private final MessageSource messages;
    private final Clock clock;
    private final String licence;

    CompareDownloadController(Comparisons comparisons, MessageSource messages, Clock clock,
                              @Value("${yardstick.publish.licence:CC BY 4.0}") String licence) {
        this.comparisons = comparisons;
        this.messages = messages;
        this.clock = clock;
        this.licence = licence;
    }

    @GetMapping("/compare/download")
    @Operation(summary = "Every region of a level inside a region on one indicator: rank, quartile, value, change")
    @ApiResponse(responseCode = "400", description = "an unknown format")
    @ApiResponse(responseCode = "404", description = "an unknown indicator, region or level")
    ResponseEntity<StreamingResponseBody> download(@RequestParam String indicator, @RequestParam(defaultValue = "PROVINCE") String level,
                               @RequestParam(defaultValue = "CN") String scope,
                               @RequestParam(required = false) @Nullable Integer period,
                               @RequestParam(required = false) @Nullable String breakdown,
                               @Parameter(description = "csv (default), xlsx or json") @RequestParam(defaultValue = "csv")
                               String format, @RequestParam(defaultValue = "false") boolean bom, Locale locale) {
        Locale l = Downloads.language(locale);
        RegionLevel regionLevel;
        try {
            regionLevel = RegionLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("region level", level);
        }
        Comparison c = comparisons.compare(indicator, scope, regionLevel, breakdown, period);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(m("download.meta.title", l), c.indicator().name().in(l) + " · " + c.scope().name().in(l));
        meta.put(m("download.meta.source", l), m("download.meta.source.text", l));
        meta.put(m("download.meta.unit", l), c.indicator().unit().in(l));
        meta.put(m("download.meta.definition", l), c.indicator().description().in(l));
        meta.put(m("download.meta.licence", l), licence);
        meta.put(m("download.meta.as-of", l), Instant.now(clock).toString());
        meta.put(m("download.meta.url", l), "/compare?indicator=" + indicator + "&level=" + regionLevel + "&scope=" + scope
                + (c.period() == null ? "" : "&period=" + c.period()));
        meta.put(m("download.meta.precision", l), m("download.meta.precision.text", l));
        List<Column> columns = List.of(
                Column.text("indicator", m("download.col.indicator", l)),
                Column.text("scope", m("download.col.scope", l)),
                Column.text("region_level", m("download.col.region-level", l)),
                Column.text("breakdown", m("download.col.breakdown", l)),
                Column.text("period", m("download.col.period", l)),
                Column.text("region", m("download.col.region", l)),
                Column.text("region_name", m("download.col.region-name", l)),
                Column.number("rank", m("download.col.rank", l)),
                Column.number("quartile", m("download.col.quartile", l)),
                Column.number("value", m("download.col.value", l)),
                Column.text("unit", m("download.col.unit", l)),
                Column.number("change", m("download.col.change", l)),
                Column.text("source_document", m("download.col.source-document", l)),
                Column.text("source_quote", m("download.col.source-quote", l)));
        String unit = c.indicator().unit().in(l);
        TableDownload table = new TableDownload("compare-" + indicator + "-" + scope + "-" + regionLevel, columns, meta,
                sink -> {
                    for (Comparison.Row r : c.rows()) {
                        Observation o = r.value();
                        var source = o == null || o.sources().isEmpty() ? null : o.sources().get(0);
                        sink.accept(new Object[] {c.indicator().code(), c.scope().code(), regionLevel.name(), c.breakdown(),
                                c.period() == null ? null : c.period().toString(), r.region().code(),
                                r.region().name().in(l), r.rank(), r.quartile(), o == null ? null : o.value(), unit,
                                r.change(), source == null ? null : source.documentCode(),
                                source == null ? null : source.quote()});
                    }
                });
        return Downloads.answer(table, format, bom, messages, l);
    }

    private String m(String key, Locale l) {
        return messages.getMessage(key, null, key, l);
    }
}
