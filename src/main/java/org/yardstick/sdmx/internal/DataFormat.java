package org.yardstick.sdmx.internal;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The formats of a data message, by media type (the {@code Accept} header) or {@code format=} name.
 */
public enum DataFormat {
    /** SDMX-ML 2.1 structure-specific data. */
    STRUCTURE_SPECIFIC("structurespecificdata", "application/vnd.sdmx.structurespecificdata+xml;version=2.1",
            List.of("application/vnd.sdmx.structurespecificdata+xml", "application/xml", "text/xml")),
    /** SDMX-CSV 1.0. */
    CSV("csv", "application/vnd.sdmx.data+csv;version=1.0.0", List.of("application/vnd.sdmx.data+csv", "text/csv")),
    /** SDMX-JSON data 1.0. */
    JSON("jsondata", "application/vnd.sdmx.data+json;version=1.0.0",
            List.of("application/vnd.sdmx.data+json", "application/json"));

    private final String name;
    private final String contentType;
    private final List<String> accepted;

    DataFormat(String name, String contentType, List<String> accepted) {
        this.name = name;
        this.contentType = contentType;
        this.accepted = accepted;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The format a request asks for: {@code format=} first (structurespecificdata, csv, jsondata), else the
     * first acceptable type of {@code Accept} by quality; SDMX-ML when neither says.
     *
     * @throws SdmxRequestException 406 when neither names a format served here
     */
    public static DataFormat choose(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            for (DataFormat f : values()) {
                if (f.name.equalsIgnoreCase(format.trim())) {
                    return f;
                }
            }
            throw notAcceptable(format);
        }
        if (accept == null || accept.isBlank()) {
            return STRUCTURE_SPECIFIC;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException malformed) {
            throw notAcceptable(accept);
        }
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType t : types) {
            if (t.getQualityValue() == 0) {
                continue;
            }
            if (t.isWildcardType()) {
                return STRUCTURE_SPECIFIC;
            }
            String plain = (t.getType() + "/" + t.getSubtype()).toLowerCase(Locale.ROOT);
            String version = t.getParameter("version");
            for (DataFormat f : values()) {
                if (f.accepted.contains(plain) && (version == null || f.contentType.endsWith("version=" + version)
                        || f.contentType.endsWith("version=" + version + ".0") || f.contentType.endsWith("version=" + version + ".0.0"))) {
                    return f;
                }
            }
        }
        throw notAcceptable(accept);
    }

    /** Whether a structure query's {@code Accept} can be answered with SDMX-ML 2.1 structures. */
    public static void requireStructureXml(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException malformed) {
            throw notAcceptable(accept);
        }
        for (MediaType t : types) {
            String plain = (t.getType() + "/" + t.getSubtype()).toLowerCase(Locale.ROOT);
            String version = t.getParameter("version");
            if (t.getQualityValue() > 0 && (t.isWildcardType() || plain.equals("application/*")
                    || plain.equals("application/xml") || plain.equals("text/xml")
                    || plain.equals("application/vnd.sdmx.structure+xml") && (version == null || version.equals("2.1")))) {
                return;
            }
        }
        throw notAcceptable(accept);
    }

    private static SdmxRequestException notAcceptable(String asked) {
        return new SdmxRequestException(406, "sdmx.error.not-acceptable",
                "'" + asked + "' is not a format served here: SDMX-ML 2.1 structure-specific data, SDMX-CSV 1.0 or SDMX-JSON 1.0",
                asked);
    }
}
