package org.yardstick.maps.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.region.RegionsChanged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The boundaries of the areas below a region. A deployer's directory
 * ({@code yardstick.maps.boundaries}) holds {@code <code>.json} (65.json: the prefectures of Xinjiang;
 * 6501.json: the counties of Urumqi) with the attribution in {@code <code>.txt} or, for the whole
 * directory, {@code ATTRIBUTION.txt}. Where it has no file, the demo's sketch maps (示意图) from the
 * echarts npm package serve (china.json for CN, one file per province), unless
 * {@code yardstick.maps.sketch=false}. Each file's features are keyed to regions once and kept.
 */
@Component
public class Boundaries {

    private static final Logger log = LoggerFactory.getLogger(Boundaries.class);
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String SKETCH_SOURCE = "echarts 4.1.0 (npm, Apache-2.0): map/json";

    private final Regions regions;
    private final JsonMapper json;
    private final @Nullable Path directory;
    private final boolean sketch;
    private final Map<String, Optional<BoundaryMap>> cache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();
    private volatile @Nullable Map<String, Resource> sketches;

    public Boundaries(Regions regions, JsonMapper json, @Value("${yardstick.maps.boundaries:}") String directory,
                      @Value("${yardstick.maps.sketch:true}") boolean sketch) {
        this.regions = regions;
        this.json = json;
        this.directory = directory.isBlank() ? null : Path.of(directory);
        this.sketch = sketch;
    }

    /** The boundaries of the areas below a region, if a file draws them. */
    public Optional<BoundaryMap> of(String regionCode) {
        if (!SAFE_CODE.matcher(regionCode).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(regionCode, this::load);
    }

    /** Whether a file draws the areas below a region (without reading it). */
    public boolean has(String regionCode) {
        if (!SAFE_CODE.matcher(regionCode).matches()) {
            return false;
        }
        Optional<BoundaryMap> known = cache.get(regionCode);
        if (known != null) {
            return known.isPresent();
        }
        // a map of 2,978 counties asks for each: the answer is kept until regions change
        return exists.computeIfAbsent(regionCode, c -> (directory != null && Files.isRegularFile(directory.resolve(c + ".json")))
                || (sketch && sketches().containsKey(c)));
    }

    /** Renamed, moved or new regions may key features differently. */
    @EventListener
    void regionsChanged(RegionsChanged changed) {
        cache.clear();
        exists.clear();
    }

    private Optional<BoundaryMap> load(String code) {
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (directory != null) {
                Path file = directory.resolve(code + ".json");
                if (Files.isRegularFile(file)) {
                    return Optional.of(read(region.get(), Files.readString(file, StandardCharsets.UTF_8), attribution(code), false));
                }
            }
            Resource resource = sketch ? sketches().get(code) : null;
            if (resource != null) {
                try (InputStream in = resource.getInputStream()) {
                    return Optional.of(read(region.get(), new String(in.readAllBytes(), StandardCharsets.UTF_8), SKETCH_SOURCE, true));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a broken file is as good as none: the page says there are no boundaries and shows the table
            log.warn("boundaries of {} unreadable: {}", code, e.toString());
        }
        return Optional.empty();
    }

    private String attribution(String code) throws IOException {
        for (Path p : new Path[] {directory.resolve(code + ".txt"), directory.resolve("ATTRIBUTION.txt")}) {
            if (Files.isRegularFile(p)) {
                return Files.readString(p, StandardCharsets.UTF_8).strip();
            }
        }
        return "";
    }

    /** A file's features keyed to the regions below {@code region} (two levels: 6590's county-level cities too). */
    private BoundaryMap read(Region region, String text, String attribution, boolean isSketch) {
        JsonNode root = json.readTree(text);
        Map<String, String> names = new LinkedHashMap<>();
        for (Region child : regions.children(region)) {
            names.put(child.code(), child.name().zh());
            for (Region grandchild : regions.children(child)) {
                names.putIfAbsent(grandchild.code(), grandchild.name().zh());
            }
        }
        FeatureKeys keys = new FeatureKeys(names);
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode props = feature.path("properties");
            String id = text(props, "code");
            if (id == null) {
                id = text(props, "adcode");
            }
            if (id == null) {
                id = text(feature, "id");
            }
            String name = text(props, "name");
            String key = keys.key(id, name);
            ObjectNode keyed = json.createObjectNode();
            keyed.put("code", key == null ? "" : key);
            keyed.put("name", name == null ? "" : name);
            ((ObjectNode) feature).set("properties", keyed);
            if (key != null) {
                codes.add(key);
            }
        }
        String out = json.writeValueAsString(root);
        return new BoundaryMap(region.code(), out, new ArrayList<>(codes), attribution, isSketch, fingerprint(out));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainer() ? null : v.asString();
    }

    /** The sketch maps by region code: china.json draws CN; a province file its prefectures (its features' codes say which). */
    private Map<String, Resource> sketches() {
        Map<String, Resource> known = sketches;
        if (known != null) {
            return known;
        }
        Map<String, Resource> found = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:maps/echarts/*.json")) {
                String file = r.getFilename();
                if ("china.json".equals(file)) {
                    found.put("CN", r);
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    JsonNode first = json.readTree(in).path("features").path(0);
                    String id = text(first, "id");
                    if (id != null && id.matches("\\d{6}")) {
                        found.putIfAbsent(id.substring(0, 2), r);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("sketch maps unreadable: {}", e.toString());
        }
        sketches = Map.copyOf(found);
        return sketches;
    }

    private static String fingerprint(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
