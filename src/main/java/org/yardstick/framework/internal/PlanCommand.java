package org.yardstick.framework.internal;

import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/** A plan's own fields (规划), to create or update it; its parts are changed one by one. */
public record PlanCommand(
        String code, LocalizedText name, String regionCode, int startYear, int endYear, int baselineYear,
        @Nullable String documentCode) {}
