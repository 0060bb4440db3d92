package org.yardstick.framework;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A plan (规划): a region's programme for a span of years, measured from a baseline year.
 *
 * @param documentId the document that issued it
 * @param retiredAt when it was retired (已停用); null while in use
 */
public record Plan(
        long id, String code, LocalizedText name, long regionId, int startYear, int endYear, int baselineYear,
        @Nullable Long documentId, @Nullable Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }
}
