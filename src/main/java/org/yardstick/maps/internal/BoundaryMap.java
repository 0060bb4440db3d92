package org.yardstick.maps.internal;

import java.util.List;

/**
 * The boundaries of the areas below a region, ready for ECharts' {@code registerMap}.
 *
 * @param regionCode the region whose areas these are (65: the prefectures of Xinjiang)
 * @param geoJson a GeoJSON FeatureCollection whose features carry {@code properties.code}, the
 *     region each draws ("" where none matched), and {@code properties.name} as the file had it
 * @param areaCodes the regions drawn, in the file's order, each once
 * @param attribution the source to show under the map: the deployer's text (标准地图 with its 审图号),
 *     or the package a sketch map came from
 * @param sketch true for the demo's sketch maps (示意图), which are not 标准地图
 * @param etag a fingerprint of {@code geoJson}
 */
public record BoundaryMap(String regionCode, String geoJson, List<String> areaCodes, String attribution, boolean sketch,
                          String etag) {

    public BoundaryMap {
        areaCodes = List.copyOf(areaCodes);
    }
}
