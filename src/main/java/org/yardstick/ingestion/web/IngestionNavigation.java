package org.yardstick.ingestion.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yardstick.web.NavigationItem;
import org.yardstick.web.NavigationItems;

/** Reading a plan, in the management menu of administrators and planners. */
@Component
class IngestionNavigation implements NavigationItems {

    private static final List<NavigationItem> ITEMS = List.of(
            NavigationItem.manage(130, "/ingest", "nav.ingest", "ADMIN", "PLANNER"));

    @Override
    public List<NavigationItem> items() {
        return ITEMS;
    }
}
