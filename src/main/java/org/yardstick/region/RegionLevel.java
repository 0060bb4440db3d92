package org.yardstick.region;

/** The level of a region in its hierarchy (行政级别). */
public enum RegionLevel {
    /** 全国. */
    COUNTRY,
    /** 省级: province, autonomous region, municipality. */
    PROVINCE,
    /** 地级: prefecture, league, prefecture-level city. */
    PREFECTURE,
    /** 县级: county, banner, district, county-level city. */
    COUNTY,
    /** 乡级: township, town, sub-district. */
    TOWNSHIP,
    /** 村级: village and residents' committee. */
    VILLAGE,
    /** 兵团: the Xinjiang Production and Construction Corps. */
    CORPS,
    /** 师: a division of the Corps. */
    DIVISION,
    /** 团场: a regiment farm of the Corps. */
    REGIMENT
}
