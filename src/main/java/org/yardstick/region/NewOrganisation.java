package org.yardstick.region;

import java.util.List;
import org.yardstick.shared.LocalizedText;

/** An organisation to add, its region named by code. */
public record NewOrganisation(
        String code, LocalizedText name, LocalizedText shortName, OrganisationKind kind, String regionCode,
        List<String> aliases) {}
