package org.yardstick.region.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * Regions and organisations in the management menu of administrators and planners; the import of official
 * divisions for administrators.
 */
@Component
class RegionNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.manage(210, "/manage/regions", "nav.manage-regions", "ADMIN", "PLANNER"),
            NavigationItem.manage(220, "/manage/organisations", "nav.organisations", "ADMIN", "PLANNER"),
            NavigationItem.manage(230, "/manage/divisions", "divisions.title", "ADMIN"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
