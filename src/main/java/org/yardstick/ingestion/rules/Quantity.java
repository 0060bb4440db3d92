package org.yardstick.ingestion.rules;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A number as a document writes it, read: {@code 84.3万公里} is 84.3 with unit 万公里; {@code 6-10条}
 * is 6 to 10 条; {@code 超过60%} is 60 % with the qualifier 超过.
 *
 * @param value the number (a range's low end), in the unit as written (万 stays in the unit)
 * @param valueHigh a range's high end, or null
 * @param unit the unit as written, magnitude included: %, 个百分点, 亿元, 万户, Gbps, 个; empty if none
 * @param qualifier the document's qualifier word (超过, 以上, 近, 约, 左右, 多, 余, 不少于 …), or empty
 * @param start offset of the first character of the number (or of its qualifier before it)
 * @param end offset after the last character of the unit (or of its qualifier after it)
 * @param numberStart offset of the number itself
 */
public record Quantity(BigDecimal value, @Nullable BigDecimal valueHigh, String unit, String qualifier,
                       int start, int end, int numberStart) {

    /** Whether this is a range (1-3个). */
    public boolean range() {
        return valueHigh != null;
    }
}
