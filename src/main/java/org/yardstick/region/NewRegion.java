package org.yardstick.region;

import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/** A region to add: its parent is named by code and must exist or come earlier in the same batch. */
public record NewRegion(String code, @Nullable String parentCode, RegionLevel level, LocalizedText name, boolean official) {}
