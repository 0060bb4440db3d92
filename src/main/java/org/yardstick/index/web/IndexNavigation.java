package org.yardstick.index.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/** The composite indices in the main bar, for everyone. */
@Component
class IndexNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(50, "/indices", "nav.indices"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
