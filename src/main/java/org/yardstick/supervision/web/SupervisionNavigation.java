package org.yardstick.supervision.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * Task supervision in the main bar for everyone, and the notifications link in the account bar for those
 * who supervise (administrators, planners, departments).
 */
@Component
class SupervisionNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(40, "/supervision", "nav.supervision"),
            NavigationItem.account(10, "/supervision/notifications", "nav.notifications", "ADMIN", "PLANNER",
                    "DEPARTMENT"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
