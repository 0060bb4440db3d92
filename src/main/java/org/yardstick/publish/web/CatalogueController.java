package org.yardstick.publish.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yardstick.publish.internal.Catalogue;
import org.yardstick.publish.internal.Catalogue.Dataset;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.TableDownload;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset catalogue (数据目录): a page listing every published dataset with its links, and the
 * same as DCAT-AP JSON-LD at {@code /catalogue.jsonld} for open-data portals to harvest.
 */
@Controller
@Tag(name = "catalogue", description = "The published datasets (数据目录), also as DCAT-AP JSON-LD")
class CatalogueController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final Catalogue catalogue;
    private final JsonMapper json;
    private final String licence;
    private final String licenceUrl;

    CatalogueController(Catalogue catalogue, JsonMapper json,
                        @Value("${yardstick.publish.licence:CC BY 4.0}") String licence,
                        @Value("${yardstick.publish.licence-url:https://creativecommons.org/licenses/by/4.0/}")
                        String licenceUrl) {
        this.catalogue = catalogue;
        this.json = json;
        this.licence = licence;
        this.licenceUrl = licenceUrl;
    }

    @GetMapping("/catalogue")
    String page(Model model) {
        model.addAttribute("datasets", catalogue.datasets());
        model.addAttribute("licence", licence);
        model.addAttribute("licenceUrl", licenceUrl);
        model.addAttribute("formats", TableDownload.Format.values());
        return "publish/catalogue";
    }

    @GetMapping(path = "/catalogue.jsonld", produces = "application/ld+json")
    @Operation(summary = "The dataset catalogue as DCAT-AP JSON-LD (dcat:Catalog of dcat:Dataset with dcat:Distribution)")
    ResponseEntity<String> jsonld() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", context);
        root.put("@id", base + "/catalogue");
        root.put("@type", "dcat:Catalog");
        root.put("dct:title", List.of(text("数据目录", "zh"), text("Dataset catalogue", "en")));
        root.put("dct:description", List.of(text("规划监测指标的已审核数据集", "zh"),
                text("Approved figures of the plans' monitoring indicators", "en")));
        root.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", "Yardstick"));
        root.put("dct:license", Map.of("@id", licenceUrl));
        root.put("foaf:homepage", Map.of("@id", base + "/catalogue"));
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Dataset d : catalogue.datasets()) {
            datasets.add(dataset(base, d));
        }
        root.put("dcat:dataset", datasets);
        return ResponseEntity.ok().contentType(JSON_LD).body(json.writeValueAsString(root));
    }

    private Map<String, Object> dataset(String base, Dataset d) {
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("@id", base + "/catalogue#" + d.id());
        ds.put("@type", "dcat:Dataset");
        ds.put("dct:identifier", d.id());
        LocalizedText name = d.indicator().name();
        ds.put("dct:title", List.of(text(name.in(Locale.SIMPLIFIED_CHINESE), "zh"), text(name.in(Locale.ENGLISH), "en")));
        LocalizedText description = d.indicator().description();
        ds.put("dct:description", List.of(text(description.in(Locale.SIMPLIFIED_CHINESE), "zh"),
                text(description.in(Locale.ENGLISH), "en")));
        ds.put("dcat:keyword", List.of(d.indicator().code(), d.level().name(), d.periodType().name()));
        if (d.modified() != null) {
            ds.put("dct:modified", Map.of("@value", d.modified().toString(), "@type", "xsd:dateTime"));
        }
        ds.put("dct:spatial", Map.of("@id", base + "/regions", "dct:type", d.level().name()));
        ds.put("dct:temporal", Map.of("@type", "dct:PeriodOfTime", "dcat:startDate", d.first(), "dcat:endDate", d.last()));
        ds.put("dct:accrualPeriodicity", Map.of("@id", frequency(d.periodType()), "@type", "dct:Frequency"));
        ds.put("dct:license", Map.of("@id", licenceUrl));
        ds.put("dct:source", d.documents().stream().map(c -> Map.of("@id", "urn:yardstick:document:" + c)).toList());
        ds.put("dcat:landingPage", Map.of("@id", base + "/indicators/" + d.indicator().code()));
        List<Map<String, Object>> distributions = new ArrayList<>();
        String download = base + "/indicators/" + d.indicator().code() + "/download?level=" + d.level().name() + "&format=";
        for (TableDownload.Format f : TableDownload.Format.values()) {
            Map<String, Object> dist = new LinkedHashMap<>();
            dist.put("@type", "dcat:Distribution");
            dist.put("dct:title", f.extension().toUpperCase(Locale.ROOT));
            dist.put("dcat:accessURL", Map.of("@id", download + f.extension()));
            dist.put("dcat:downloadURL", Map.of("@id", download + f.extension()));
            dist.put("dcat:mediaType", Map.of("@id", "https://www.iana.org/assignments/media-types/"
                    + f.mediaType().replaceAll(";.*", "")));
            dist.put("dct:license", Map.of("@id", licenceUrl));
            distributions.add(dist);
        }
        for (String flow : d.flows()) {
            Map<String, Object> dist = new LinkedHashMap<>();
            dist.put("@type", "dcat:Distribution");
            dist.put("dct:title", "SDMX " + flow);
            dist.put("dcat:accessURL", Map.of("@id", base + "/sdmx/rest/data/" + flow));
            dist.put("dct:conformsTo", Map.of("@id", "https://sdmx.org/?page_id=5008"));
            dist.put("dct:license", Map.of("@id", licenceUrl));
            distributions.add(dist);
        }
        ds.put("dcat:distribution", distributions);
        return ds;
    }

    /** The EU Publications Office frequency of a period type (DCAT-AP's controlled vocabulary for accrualPeriodicity). */
    static String frequency(org.yardstick.shared.Period.Type type) {
        return "http://publications.europa.eu/resource/authority/frequency/" + switch (type) {
            case YEAR -> "ANNUAL";
            case QUARTER -> "QUARTERLY";
            case MONTH -> "MONTHLY";
        };
    }

    private static Map<String, Object> text(String value, String language) {
        return Map.of("@value", value, "@language", language);
    }
}
