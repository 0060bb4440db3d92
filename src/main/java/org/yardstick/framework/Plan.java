package org.yardstick.framework;

import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A plan (规划): a region's programme for a span of years, measured from a baseline year.
 *
 * @param documentId the document that issued it
 */
public record Plan(
        long id, String code, LocalizedText name, long regionId, int startYear, int endYear, int baselineYear,
        @Nullable Long documentId) {}
