package org.yardstick.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the layout shows around every page ({@code ${@navigation…}}): who is signed in and the links the
 * modules add through {@link NavigationItems}. The layout calls this bean only (decision 0054).
 */
@Component("navigation")
public class Navigation {

    private final ObjectProvider<NavigationItems> contributors;
    private final ObjectProvider<Viewer.Viewers> viewers;

    Navigation(ObjectProvider<NavigationItems> contributors, ObjectProvider<Viewer.Viewers> viewers) {
        this.contributors = contributors;
        this.viewers = viewers;
    }

    /** The person signed in, or null for the public. */
    public @Nullable Viewer me() {
        Viewer.Viewers v = viewers.getIfAvailable();
        return v == null ? null : v.current().orElse(null);
    }

    /** The modules' links for this person, in the order of the modules' beans. */
    public List<NavigationItem> items() {
        return contributors.orderedStream().flatMap(c -> c.items().stream()).toList();
    }
}
