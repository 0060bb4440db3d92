package org.yardstick.security.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/** The accounts, in the management menu of administrators. */
@Component
class SecurityNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.manage(320, "/admin/accounts", "nav.accounts", "ADMIN"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
