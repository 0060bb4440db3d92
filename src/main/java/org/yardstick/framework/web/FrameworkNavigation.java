package org.yardstick.framework.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/** Framework files and the authoring of a new plan, in the management menu of administrators and planners. */
@Component
class FrameworkNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.manage(110, "/frameworks", "nav.frameworks", "ADMIN", "PLANNER"),
            NavigationItem.manage(120, "/authoring/plans/new", "nav.authoring", "ADMIN", "PLANNER")
                    .activeUnder("/authoring"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
