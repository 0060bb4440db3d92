package org.yardstick.home.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/** The worklist (待办), for every account. */
@Component
class HomeNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(100, "/home", "nav.worklist", NavigationItem.SIGNED_IN));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
