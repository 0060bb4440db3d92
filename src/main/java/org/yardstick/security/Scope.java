package org.yardstick.security;

import org.jspecify.annotations.Nullable;
import org.yardstick.region.Region;

/**
 * Where an account may act: inside its region's subtree, or for its organisation. Plain rules, no
 * framework: {@link CurrentUser} applies them to the logged-in account.
 */
public record Scope(Role role, @Nullable String regionPath, @Nullable String organisationCode) {

    public static Scope of(Account a) {
        return new Scope(a.role(), a.regionPath(), a.organisationCode());
    }

    /** Whether a region is the account's own or inside it. */
    public boolean covers(Region region) {
        return regionPath != null && region.path().startsWith(regionPath);
    }

    /** Whether the account may enter and change figures of this region (draft or returned ones). */
    public boolean mayReport(Region region) {
        return switch (role) {
            case ADMIN, PLANNER, REPORTER -> covers(region);
            default -> false;
        };
    }

    /**
     * Whether the account may approve, return or reopen submissions of this region: reviewers for
     * the regions below their own (one level up or higher), administrators anywhere in their scope.
     */
    public boolean mayReview(Region region) {
        return switch (role) {
            case ADMIN -> covers(region);
            case REVIEWER -> covers(region) && !region.path().equals(regionPath);
            default -> false;
        };
    }

    /** Whether the account may see unapproved figures of this region (its own work and what it reviews). */
    public boolean maySeeUnapproved(Region region) {
        return mayReport(region) || mayReview(region) || (role == Role.REVIEWER && covers(region));
    }

    /** Whether the account may define plans, indicators, targets and rules. */
    public boolean mayPlan() {
        return role == Role.ADMIN || role == Role.PLANNER;
    }

    /**
     * Whether the account may define plans, indices and rules about this region: planners inside their
     * own region's subtree, administrators anywhere in their scope.
     */
    public boolean mayPlan(Region region) {
        return mayPlan() && covers(region);
    }

    /** Whether the account acts for this organisation. */
    public boolean isOf(String organisation) {
        return organisation.equals(organisationCode);
    }
}
