package org.yardstick.region;

import org.jspecify.annotations.Nullable;

/**
 * Who authors regions and organisations, and where: the platform's administrators (of a top-level
 * region such as 全国) anywhere, a world region beside China included; a regional administrator and a
 * planner inside their own region's subtree; everyone else nowhere.
 *
 * @param username written to the audit trail
 * @param regionPath the account's region path ({@code /CN/65/}), the prefix of what a planner may change
 */
public record Editor(String username, boolean admin, boolean planner, @Nullable String regionPath) {

    /** The platform itself (imports run from the command line). */
    public static Editor system() {
        return new Editor("system", true, false, null);
    }

    /** Whether this editor may change this region, or add and move regions under it ({@code null}: the top). */
    public boolean mayEdit(@Nullable Region region) {
        if (admin && (regionPath == null || regionPath.indexOf('/', 1) == regionPath.length() - 1)) {
            return true;
        }
        return (admin || planner) && region != null && regionPath != null && region.path().startsWith(regionPath);
    }

    /** Whether this editor may author at all. */
    public boolean mayAuthor() {
        return admin || planner;
    }
}
