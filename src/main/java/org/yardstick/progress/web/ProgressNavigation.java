package org.yardstick.progress.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/** The region comparison and the department view in the main bar, for everyone. */
@Component
class ProgressNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(60, "/compare", "nav.compare"),
            NavigationItem.main(70, "/departments", "nav.departments"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
