package org.yardstick.web;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The API's documentation in the main bar, for the public only (signed in, the footer's link keeps the bar
 * on one line).
 */
@Component
class ShellNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.main(90, "/swagger-ui.html", "nav.api", NavigationItem.PUBLIC));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
