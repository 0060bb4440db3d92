package org.yardstick.framework.authoring;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One part of a target's decomposition (分解落实) as a form or the API gives it: a sub-region or a
 * department (责任单位), and either its own value or a share of the whole in percent.
 *
 * @param code the part's target code; blank: the whole's code, a dash and the region's or department's code
 * @param valueHigh for a range target given by value: the upper end
 */
public record PartCommand(
        @Nullable String code, @Nullable String regionCode, @Nullable String organisationCode, @Nullable BigDecimal value,
        @Nullable BigDecimal valueHigh, @Nullable BigDecimal share) {}
