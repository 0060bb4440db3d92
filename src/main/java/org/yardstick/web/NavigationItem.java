package org.yardstick.web;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A link a module adds to the layout's menus: where it shows ({@link Group}: the main bar, the management
 * menu 管理 or the account bar), its place there ({@code order}: ascending; in the management menu each
 * hundred is a section, separated by a divider), where it goes, the message key of its text, the path
 * prefix under which it is the current page, and who sees it.
 *
 * @param roles the roles that see it (the security module's role names: {@code ADMIN}, {@code PLANNER} …),
 *     {@link #SIGNED_IN} for every account, {@link #PUBLIC} for the public only; empty: everyone
 */
public record NavigationItem(Group group, int order, String href, String messageKey, String activePrefix,
                             Set<String> roles) {

    /** Where a link shows. */
    public enum Group {
        /** The main bar. */
        MAIN,
        /** The management menu (管理) of the main bar. */
        MANAGE,
        /** The account bar, beside the account's name. */
        ACCOUNT
    }

    /** In {@link #roles}: every signed-in account. */
    public static final String SIGNED_IN = "SIGNED_IN";
    /** In {@link #roles}: the public only, nobody signed in. */
    public static final String PUBLIC = "PUBLIC";

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    /** A link of the main bar, the current page under its own path. */
    public static NavigationItem main(int order, String href, String messageKey, String... roles) {
        return new NavigationItem(Group.MAIN, order, href, messageKey, href, Set.of(roles));
    }

    /** A link of the management menu. */
    public static NavigationItem manage(int order, String href, String messageKey, String... roles) {
        return new NavigationItem(Group.MANAGE, order, href, messageKey, href, Set.of(roles));
    }

    /** A link of the account bar. */
    public static NavigationItem account(int order, String href, String messageKey, String... roles) {
        return new NavigationItem(Group.ACCOUNT, order, href, messageKey, href, Set.of(roles));
    }

    /** The same link, the current page under another prefix. */
    public NavigationItem activeUnder(String prefix) {
        return new NavigationItem(group, order, href, messageKey, prefix, roles);
    }

    /** Whether the person of this role (null: the public) sees the link. */
    public boolean shownTo(@Nullable String role) {
        if (roles.isEmpty()) {
            return true;
        }
        if (role == null) {
            return roles.contains(PUBLIC);
        }
        return roles.contains(SIGNED_IN) || roles.contains(role);
    }

    /** Whether a request for this path is under the link's prefix. */
    boolean covers(String path) {
        String under = activePrefix.endsWith("/") ? activePrefix : activePrefix + "/";
        return path.equals(activePrefix) || path.startsWith(under);
    }
}
