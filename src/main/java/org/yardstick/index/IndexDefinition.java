package org.yardstick.index;

import java.time.Instant;
import java.util.Map;
import org.yardstick.index.spec.IndexSpec;
import org.yardstick.shared.LocalizedText;

/**
 * One version of an index definition (指数定义) as the platform reads it.
 *
 * @param code the index's code
 * @param version the version number, 1 for the first save
 * @param yaml the definition as written
 * @param spec the engine's reading of it: tree, weights, methods
 * @param coverage the regions and periods to compute
 * @param published for nodes whose published figures the platform holds: node code → the indicator
 *     they are recorded under (两化融合发展指数 → IIDI)
 * @param savedAt when this version was saved
 * @param savedBy who saved it
 */
public record IndexDefinition(String code, int version, String yaml, IndexSpec spec, IndexCoverage coverage,
        Map<String, String> published, Instant savedAt, String savedBy) {

    public IndexDefinition {
        published = Map.copyOf(published);
    }

    public LocalizedText name() {
        return LocalizedText.of(spec.nameZh(), spec.nameEn());
    }

    /** Whether the platform can compute it: every weight and every aggregate's components are published. */
    public boolean computable() {
        return spec.tree().computable();
    }
}
