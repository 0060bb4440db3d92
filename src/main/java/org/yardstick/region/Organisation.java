package org.yardstick.region;

import java.util.List;
import org.yardstick.shared.LocalizedText;

/**
 * An organisation (单位): a department or other unit that owns tasks and reports figures.
 *
 * @param name the full official name
 * @param shortName the name as plans write it (自治区科技厅)
 * @param regionId the region whose government it belongs to
 * @param aliases other spellings in the documents (科技厅)
 */
public record Organisation(
        long id, String code, LocalizedText name, LocalizedText shortName, OrganisationKind kind, long regionId,
        List<String> aliases) {

    public Organisation {
        aliases = List.copyOf(aliases);
    }
}
