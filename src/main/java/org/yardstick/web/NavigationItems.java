package org.yardstick.web;

import java.util.List;

/**
 * The menu links a module adds to the layout, each with the roles that see it (a module's web package
 * implements it: {@code PublishNavigation}, {@code ObservationNavigation} …). The layout asks
 * {@link Navigation}, which keeps the links of the person of the request in order; no role rule is left
 * in the layout (decision 0054, issue 19).
 */
public interface NavigationItems {

    List<NavigationItem> items();
}
