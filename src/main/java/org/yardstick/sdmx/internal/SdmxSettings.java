package org.yardstick.sdmx.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the SDMX publication.
 *
 * @param agencyId the maintenance agency of every structure ({@code yardstick.sdmx.agency-id}), an SDMX id
 */
@ConfigurationProperties("yardstick.sdmx")
public record SdmxSettings(String agencyId) {

    public SdmxSettings {
        if (agencyId == null || agencyId.isBlank()) {
            agencyId = "YARDSTICK";
        }
        if (!agencyId.matches("[A-Za-z][A-Za-z0-9_\\-]*")) {
            throw new IllegalArgumentException("yardstick.sdmx.agency-id must be an SDMX agency id: " + agencyId);
        }
    }
}
