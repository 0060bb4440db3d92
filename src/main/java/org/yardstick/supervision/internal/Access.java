package org.yardstick.supervision.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.yardstick.security.Account;
import org.yardstick.security.CurrentUser;
import org.yardstick.security.Role;
import org.yardstick.supervision.Item;

/**
 * Who may see and do what in task supervision, for the account of the request: planners and
 * administrators everything; a department the items its organisation leads or co-leads; the public
 * (and every other role) only the published overview of items.
 */
@Component("supervisionAccess")
public class Access {

    private final CurrentUser user;

    Access(CurrentUser user) {
        this.user = user;
    }

    public boolean isPlanner() {
        return user.mayPlan();
    }

    /** The organisation of a department account; null for everyone else. */
    public @org.jspecify.annotations.Nullable String department() {
        return user.account().filter(a -> a.role() == Role.DEPARTMENT).map(Account::organisationCode).orElse(null);
    }

    /** Whether the account works in supervision at all: planners, administrators, departments. */
    public boolean supervises() {
        return isPlanner() || department() != null;
    }

    /** Reports, narratives, attachments, comments, history and alerts of an item. */
    public boolean seesDetails(Item item) {
        String org = department();
        return isPlanner() || (org != null && item.involves(org));
    }

    /** Filing a report (lead) or a contribution (co-unit). */
    public boolean mayReport(Item item) {
        String org = department();
        return org != null && item.involves(org);
    }

    public void requireDetails(Item item) {
        if (!seesDetails(item)) {
            throw new AccessDeniedException("not a unit of item " + item.key());
        }
    }

    public void requireReport(Item item) {
        if (!mayReport(item)) {
            throw new AccessDeniedException("not a unit of item " + item.key());
        }
    }

    public void requirePlan() {
        user.requirePlan();
    }

    public void requireSupervises() {
        if (!supervises()) {
            throw new AccessDeniedException("task supervision is for planners and departments");
        }
    }

    public String actor() {
        return user.name();
    }

    public java.util.Optional<Account> account() {
        return user.account();
    }
}
