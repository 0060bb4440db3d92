package org.yardstick.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yardstick.region.Region;
import org.yardstick.security.internal.AccountPrincipal;

/** The account of the request being served, and its scope; the public has none. */
@Component("currentUser")
public class CurrentUser {

    /** The name written to the audit trail for changes made by the platform itself. */
    public static final String SYSTEM = "system";

    /** The logged-in account, if any. */
    public Optional<Account> account() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(p.account());
        }
        return Optional.empty();
    }

    /** The username for the audit trail. */
    public String name() {
        return account().map(Account::username).orElse(SYSTEM);
    }

    public Optional<Scope> scope() {
        return account().map(Scope::of);
    }

    public boolean mayReport(Region r) {
        return scope().map(s -> s.mayReport(r)).orElse(false);
    }

    public boolean mayReview(Region r) {
        return scope().map(s -> s.mayReview(r)).orElse(false);
    }

    public boolean maySeeUnapproved(Region r) {
        return scope().map(s -> s.maySeeUnapproved(r)).orElse(false);
    }

    public boolean mayPlan() {
        return scope().map(Scope::mayPlan).orElse(false);
    }

    public boolean mayPlan(Region r) {
        return scope().map(s -> s.mayPlan(r)).orElse(false);
    }

    /** Throws 403 unless the account may report for the region. */
    public void requireReport(Region r) {
        if (!mayReport(r)) {
            throw new AccessDeniedException("not allowed to report for region " + r.code());
        }
    }

    /** Throws 403 unless the account may review the region's submissions. */
    public void requireReview(Region r) {
        if (!mayReview(r)) {
            throw new AccessDeniedException("not allowed to review region " + r.code());
        }
    }

    /** Throws 403 unless the account may plan. */
    public void requirePlan() {
        if (!mayPlan()) {
            throw new AccessDeniedException("not allowed to change frameworks");
        }
    }

    /**
     * Throws 403 unless the account may plan for the region (indices over it, rules about its data
     * sets): a planner of Xinjiang cannot change what belongs to Inner Mongolia.
     */
    public void requirePlan(Region r) {
        if (!mayPlan(r)) {
            throw new AccessDeniedException("not allowed to plan for region " + r.code() + " (outside the account's scope)");
        }
    }

    /**
     * The platform's administrator: an enabled administrator of a top-level region (全国, or a world
     * region), who manages every tree and the platform itself (backups).
     */
    public boolean isPlatformAdmin() {
        return account().filter(a -> a.role() == Role.ADMIN && a.enabled() && a.regionPath() != null)
                .map(Account::regionPath).filter(p -> p.indexOf('/', 1) == p.length() - 1).isPresent();
    }

    /** Throws 403 unless the account is the platform's administrator. */
    public void requirePlatformAdmin() {
        if (!isPlatformAdmin()) {
            throw new AccessDeniedException("only the platform's administrator may do this");
        }
    }
}
