package org.yardstick.maps.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which region a boundary feature draws: by its code first (a deployer's file carries the official
 * division code; the echarts files a six-digit adcode, 650100 for 6501), else by its name among the
 * regions below the map's region (the echarts files still say 652200 for 哈密市, 6505 since 2016;
 * their province names are short: 新疆 for 新疆维吾尔自治区). Plain Java.
 */
public final class FeatureKeys {

    private final Map<String, String> namesByCode;

    /** @param namesByCode the Chinese names of the regions a feature may draw, by code */
    public FeatureKeys(Map<String, String> namesByCode) {
        this.namesByCode = Map.copyOf(namesByCode);
    }

    /** The region code of a feature; null when neither its code nor its name names one of the regions. */
    public @Nullable String key(@Nullable String id, @Nullable String name) {
        for (String candidate : candidates(id)) {
            if (namesByCode.containsKey(candidate)) {
                return candidate;
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        String prefixed = null;
        int prefixes = 0;
        for (Map.Entry<String, String> e : namesByCode.entrySet()) {
            if (e.getValue().equals(n)) {
                return e.getKey();
            }
            if (e.getValue().startsWith(n)) {
                prefixed = e.getKey();
                prefixes++;
            }
        }
        return prefixes == 1 ? prefixed : null;
    }

    /** The codes a feature's id may stand for: itself, and an adcode without its trailing zero pairs. */
    static List<String> candidates(@Nullable String id) {
        List<String> out = new ArrayList<>();
        if (id == null || id.isBlank()) {
            return out;
        }
        String s = id.strip();
        out.add(s);
        if (s.matches("\\d{6}")) {
            if (s.endsWith("0000")) {
                out.add(s.substring(0, 2));
            } else if (s.endsWith("00")) {
                out.add(s.substring(0, 4));
            }
        }
        return out;
    }
}
