package org.yardstick.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A supervised item (督办事项): a task or key project of a plan with its assignment.
 *
 * @param lead the lead unit (牵头单位); null while nobody has been assigned
 * @param coUnits the co-responsible units (配合单位), in order
 * @param completedOn the day the lead unit reported it complete (100%), if it did
 * @param version for optimistic locking of planners' changes
 * @param targetCodes the targets that measure the item
 * @param latestProgress the progress in the lead unit's latest report, if any
 * @param latestPeriod the period of that report
 */
public record Item(
        long id, ItemKind kind, long planId, String planCode, LocalizedText planName, String code, LocalizedText title,
        @Nullable Unit lead, List<Unit> coUnits, LocalDate start, LocalDate deadline, @Nullable LocalDate completedOn,
        int version, List<String> targetCodes, @Nullable Integer latestProgress, @Nullable String latestPeriod) {

    public Item {
        coUnits = List.copyOf(coUnits);
        targetCodes = List.copyOf(targetCodes);
    }

    /** Where the item stands on a day. */
    public ItemStatus status(LocalDate today, int dueSoonDays) {
        if (completedOn != null) {
            return completedOn.isAfter(deadline) ? ItemStatus.COMPLETED_LATE : ItemStatus.COMPLETED;
        }
        if (today.isAfter(deadline)) {
            return ItemStatus.OVERDUE;
        }
        if (today.isBefore(start)) {
            return ItemStatus.NOT_STARTED;
        }
        return today.plusDays(dueSoonDays).isBefore(deadline) ? ItemStatus.IN_PROGRESS : ItemStatus.DUE_SOON;
    }

    /** The lead unit first, then the co-units. */
    public List<Unit> units() {
        List<Unit> all = new ArrayList<>();
        if (lead != null) {
            all.add(lead);
        }
        all.addAll(coUnits);
        return all;
    }

    /** Whether an organisation leads or co-leads the item. */
    public boolean involves(String organisationCode) {
        return units().stream().anyMatch(u -> u.code().equals(organisationCode));
    }

    public boolean ledBy(String organisationCode) {
        return lead != null && lead.code().equals(organisationCode);
    }

    /** A readable key for the audit trail: plan/code. */
    public String key() {
        return planCode + "/" + code;
    }
}
