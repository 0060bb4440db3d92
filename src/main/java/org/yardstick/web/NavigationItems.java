package org.yardstick.web;

import java.util.List;

/**
 * The links a module adds to the layout for the person of the request (supervision: notifications, for
 * those who supervise). The layout asks {@link Navigation}, never a capability module's bean (decision 0054).
 */
public interface NavigationItems {

    List<NavigationItem> items();
}
