package org.yardstick.region;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A region (地区): a place figures are reported for.
 *
 * @param id database identity
 * @param code the official division code where there is one (65 Xinjiang, 6501 Urumqi), else a
 *     platform code (CN, XJBT)
 * @param parentId the enclosing region, null for the root
 * @param level its level
 * @param name its name in Chinese and English
 * @param official whether {@code code} is an official statistical division code (NBS 2023)
 * @param path the codes from the root down to this region, {@code /CN/65/6501/}
 * @param depth 0 for the root
 */
public record Region(
        long id, String code, @Nullable Long parentId, RegionLevel level, LocalizedText name, boolean official,
        String path, int depth) {

    /** Codes of the ancestors from the root down, this region excluded. */
    public List<String> ancestorCodes() {
        List<String> codes = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return codes.subList(0, codes.size() - 1);
    }

    /** Whether this region is {@code other} or lies inside it. */
    public boolean isWithin(Region other) {
        return path.startsWith(other.path);
    }
}
