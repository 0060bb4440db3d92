package org.yardstick.observation.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * Data collection: entry for planners and reporters, import for them and administrators, review for
 * reviewers and administrators; the data sets in the management menu.
 */
@Component
class ObservationNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(130, "/collect", "nav.collect", "PLANNER", "REPORTER"),
            NavigationItem.main(140, "/collect/import", "nav.import", "ADMIN", "PLANNER", "REPORTER"),
            NavigationItem.main(150, "/review", "nav.review", "REVIEWER", "ADMIN"),
            NavigationItem.manage(140, "/collect/data-sets", "nav.data-sets", "ADMIN", "PLANNER"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
