package org.yardstick.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the layout shows around every page ({@code ${@navigation…}}): who is signed in and the menus the
 * modules contribute through {@link NavigationItems}, filtered by the person's role and sorted. The layout
 * calls this bean only (decision 0054).
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

    /** The links of the main bar this person sees, in order. */
    public List<NavigationItem> main() {
        return visible(NavigationItem.Group.MAIN);
    }

    /** The management menu this person sees, in sections (one per hundred of the order); empty: no menu. */
    public List<List<NavigationItem>> manage() {
        List<List<NavigationItem>> sections = new ArrayList<>();
        int section = Integer.MIN_VALUE;
        for (NavigationItem item : visible(NavigationItem.Group.MANAGE)) {
            if (sections.isEmpty() || Math.floorDiv(item.order(), 100) != section) {
                sections.add(new ArrayList<>());
                section = Math.floorDiv(item.order(), 100);
            }
            sections.get(sections.size() - 1).add(item);
        }
        return sections;
    }

    /** The links of the account bar this person sees, in order. */
    public List<NavigationItem> account() {
        return visible(NavigationItem.Group.ACCOUNT);
    }

    /**
     * Whether the link is the current page's: of the links this person sees, the one whose prefix is the
     * longest one the request's path is under ({@code /collect/import} wins over {@code /collect}).
     */
    public boolean active(NavigationItem item) {
        Optional<String> path = path();
        if (path.isEmpty() || !item.covers(path.get())) {
            return false;
        }
        Viewer me = me();
        String role = me == null ? null : me.role().name();
        return all().filter(i -> i.shownTo(role) && i.covers(path.get()))
                .noneMatch(i -> i.activePrefix().length() > item.activePrefix().length());
    }

    private List<NavigationItem> visible(NavigationItem.Group group) {
        Viewer me = me();
        String role = me == null ? null : me.role().name();
        return all().filter(i -> i.group() == group && i.shownTo(role))
                .sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    private java.util.stream.Stream<NavigationItem> all() {
        return contributors.orderedStream().flatMap(c -> c.items().stream());
    }

    private static Optional<String> path() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest request = a.getRequest();
            return Optional.of(request.getRequestURI().substring(request.getContextPath().length()));
        }
        return Optional.empty();
    }
}
