package org.yardstick.ingestion.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The plan and document the accepted proposals are committed as: new codes, names in both languages,
 * the region and years.
 */
public record PlanHeader(String planCode, String nameZh, String nameEn, String region, int startYear, int endYear,
                         int baselineYear, String documentCode, String issuerZh, @Nullable LocalDate issued) {}
