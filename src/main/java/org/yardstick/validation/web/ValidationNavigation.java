package org.yardstick.validation.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * The validation rules: in the main bar for reviewers, in the management menu for administrators and
 * planners.
 */
@Component
class ValidationNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(160, "/rules", "nav.rules", "REVIEWER"),
            NavigationItem.manage(150, "/rules", "nav.rules", "ADMIN", "PLANNER"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
