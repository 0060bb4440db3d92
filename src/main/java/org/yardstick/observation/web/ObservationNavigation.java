package org.yardstick.observation.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * Data collection: entry for planners and reporters, import for reporters, review for reviewers; the
 * administrator's import and review, the planner's import and the data sets in the management menu.
 */
@Component
class ObservationNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(130, "/collect", "nav.collect", "PLANNER", "REPORTER"),
            NavigationItem.main(140, "/collect/import", "nav.import", "REPORTER"),
            NavigationItem.main(150, "/review", "nav.review", "REVIEWER"),
            // an administrator's and a planner's occasional data work, in 管理 so that the bar keeps one line at 1366 px
            NavigationItem.manage(10, "/collect/import", "nav.import", "ADMIN", "PLANNER"),
            NavigationItem.manage(20, "/review", "nav.review", "ADMIN"),
            NavigationItem.manage(140, "/collect/data-sets", "nav.data-sets", "ADMIN", "PLANNER"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
