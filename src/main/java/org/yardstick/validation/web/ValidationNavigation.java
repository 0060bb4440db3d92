package org.yardstick.validation.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * The validation rules, in the management menu of reviewers, administrators and planners (a reviewer's bar
 * keeps one line at 1366 px in English).
 */
@Component
class ValidationNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.manage(150, "/rules", "nav.rules", "ADMIN", "PLANNER", "REVIEWER"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
