package org.yardstick.region;

/**
 * The level of a region in its hierarchy (行政级别). Each level has a rank: a region's level must rank
 * below its parent's (a larger rank), except that international groupings may nest in one another;
 * levels may be skipped (a country directly under the world, a county directly under a province).
 */
public enum RegionLevel {
    /** 全球: the world, the root of international comparisons. */
    WORLD(0),
    /** 国际组织或地区分组: a continent, an income group, a grouping such as ASEM; groupings may nest. */
    GROUPING(1),
    /** 全国. */
    COUNTRY(2),
    /** 省级: province, autonomous region, municipality. */
    PROVINCE(3),
    /** 地级: prefecture, league, prefecture-level city. */
    PREFECTURE(4),
    /** 县级: county, banner, district, county-level city. */
    COUNTY(5),
    /** 乡级: township, town, sub-district. */
    TOWNSHIP(6),
    /** 村级: village and residents' committee. */
    VILLAGE(7),
    /** 兵团: the Xinjiang Production and Construction Corps (at province level). */
    CORPS(3),
    /** 师: a division of the Corps (at prefecture level). */
    DIVISION(4),
    /** 团场: a regiment farm of the Corps (at county level). */
    REGIMENT(5);

    private final int rank;

    RegionLevel(int rank) {
        this.rank = rank;
    }

    /** 0 for the world, larger further down. */
    public int rank() {
        return rank;
    }

    /** Whether a region of this level may be placed directly under a region of {@code parent}'s level. */
    public boolean mayBeUnder(RegionLevel parent) {
        return rank > parent.rank || (this == GROUPING && parent == GROUPING);
    }
}
