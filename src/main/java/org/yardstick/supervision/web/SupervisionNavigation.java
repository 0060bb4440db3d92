package org.yardstick.supervision.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.supervision.internal.Access;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/** The notifications link in the account bar, for those who supervise (planners, admins, departments). */
@Component
class SupervisionNavigation implements NavigationItems {

    private final Access access;

    SupervisionNavigation(Access access) {
        this.access = access;
    }

    @Override
    public List<NavigationItem> items() {
        return access.supervises() ? List.of(new NavigationItem("/supervision/notifications", "nav.notifications"))
                : List.of();
    }
}
