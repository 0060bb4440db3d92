package org.yardstick.maps.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * An indicator's figures by area below a region for one year: what the map draws and its table lists.
 *
 * @param indicator the indicator's code
 * @param name the indicator's name
 * @param unit its unit
 * @param region the region whose areas these are
 * @param path the regions from the root down to {@code region}, for going back up
 * @param year the year shown; null when no area has a figure
 * @param years every year some area has a figure for, oldest first
 * @param boundaries the address of the areas' boundaries; null when no file draws them (the page says so and shows the table)
 * @param attribution the boundaries' source (标准地图 with its 审图号, or the sketch map's package); empty without boundaries
 * @param sketch true when the boundaries are a sketch map (示意图), not 标准地图
 * @param areas every area, in the boundary file's order (else the regions' order), with or without a figure
 */
public record MapView(String indicator, LocalizedText name, LocalizedText unit, Place region, List<Place> path,
                      @Nullable String year, List<String> years, @Nullable String boundaries, String attribution,
                      boolean sketch, List<Area> areas) {

    public MapView {
        path = List.copyOf(path);
        years = List.copyOf(years);
        areas = List.copyOf(areas);
    }

    /** A region named on the map. */
    public record Place(String code, LocalizedText name, String level) {}

    /**
     * One area and its figure for the year.
     *
     * @param value the approved reported figure, else the usable computed one (汇总值); null for no data
     * @param origin {@code reported}, {@code computed} or {@code derived}; null for no data
     * @param covered for a computed figure, how many reporting units below have a figure (报送数)
     * @param expected for a computed figure, how many there are (应报数)
     * @param drill whether boundaries draw the areas below this one (a click goes down)
     */
    public record Area(String code, LocalizedText name, String level, @Nullable BigDecimal value,
                       @Nullable String origin, @Nullable Integer covered, @Nullable Integer expected, boolean drill) {}
}
