package org.yardstick.publish.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/**
 * The public portal's links of the main bar: plans, indicators, regions, the data catalogue; for everyone.
 */
@Component
class PublishNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(10, "/plans", "nav.plans"),
            NavigationItem.main(20, "/indicators", "nav.indicators"),
            NavigationItem.main(30, "/regions", "nav.regions"),
            NavigationItem.main(80, "/catalogue", "nav.catalogue"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
