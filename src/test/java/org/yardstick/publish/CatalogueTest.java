package org.yardstick.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/** The dataset catalogue: a page in both languages, and DCAT-AP JSON-LD that expands with the DCAT terms. */
@YardstickTest
class CatalogueTest {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";

    @Autowired MockMvc mvc;

    @Test
    void thePageListsPublishedDatasetsWithLicenceAndLinks() throws Exception {
        mvc.perform(get("/catalogue")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("数据目录"), containsString("两化融合发展总指数"), containsString("CC BY 4.0"),
                containsString("/indicators/IIDI/download?level=PROVINCE&amp;format=xlsx"),
                containsString("/catalogue.jsonld"), containsString("年度"))));
        mvc.perform(get("/catalogue").param("lang", "en")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Dataset catalogue"), containsString("yearly"), containsString("Updated (latest approval)"))));
    }

    @Test
    void theJsonLdExpandsIntoACatalogOfDatasetsWithDistributions() throws Exception {
        String body = mvc.perform(get("/catalogue.jsonld")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/ld+json"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(body))).get();
        JsonObject catalog = expanded.getJsonObject(0);
        assertThat(types(catalog)).containsExactly(DCAT + "Catalog");
        assertThat(catalog.containsKey(DCT + "license")).isTrue();
        JsonArray datasets = catalog.getJsonArray(DCAT + "dataset");
        assertThat(datasets).isNotEmpty();
        JsonObject iidi = null;
        for (JsonValue v : datasets) {
            JsonObject d = v.asJsonObject();
            assertThat(types(d)).containsExactly(DCAT + "Dataset");
            if (d.getJsonArray(DCT + "identifier").getJsonObject(0).getString("@value").equals("IIDI.PROVINCE.YEAR")) {
                iidi = d;
            }
        }
        assertThat(iidi).isNotNull();
        for (String term : List.of(DCT + "title", DCT + "modified", DCT + "spatial", DCT + "temporal", DCT + "license",
                DCAT + "distribution")) {
            assertThat(iidi.containsKey(term)).as(term).isTrue();
        }
        assertThat(iidi.getJsonArray(DCT + "modified").getJsonObject(0).getString("@type"))
                .isEqualTo("http://www.w3.org/2001/XMLSchema#dateTime");
        // DCAT-AP: the frequency as an IRI of the EU Publications Office's vocabulary, a dct:Frequency
        JsonObject frequency = iidi.getJsonArray(DCT + "accrualPeriodicity").getJsonObject(0);
        assertThat(frequency.getString("@id")).isEqualTo("http://publications.europa.eu/resource/authority/frequency/ANNUAL");
        assertThat(types(frequency)).containsExactly(DCT + "Frequency");
        JsonArray distributions = iidi.getJsonArray(DCAT + "distribution");
        assertThat(distributions).hasSizeGreaterThanOrEqualTo(3);
        List<String> urls = new ArrayList<>();
        distributions.forEach(d -> {
            assertThat(types(d.asJsonObject())).containsExactly(DCAT + "Distribution");
            urls.add(d.asJsonObject().getJsonArray(DCAT + "accessURL").getJsonObject(0).getString("@id"));
        });
        assertThat(urls).anySatisfy(u -> assertThat(u).endsWith("/indicators/IIDI/download?level=PROVINCE&format=csv"));

        // and as RDF: every dataset of the catalogue is a dcat:Dataset
        Model rdf = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, Lang.JSONLD).parse(rdf);
        assertThat(rdf.listResourcesWithProperty(RDF.type, rdf.createResource(DCAT + "Dataset")).toList())
                .hasSize(datasets.size());
        assertThat(rdf.listObjectsOfProperty(rdf.createProperty(DCT + "accrualPeriodicity")).toList())
                .allSatisfy(f -> assertThat(f.isURIResource()).isTrue())
                .allSatisfy(f -> assertThat(f.asResource().getURI()).matches(
                        "http://publications\\.europa\\.eu/resource/authority/frequency/(ANNUAL|QUARTERLY|MONTHLY)"));
    }

    private static List<String> types(JsonObject o) {
        return o.getJsonArray("@type").stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }
}
