/**
 * Regions and organisations (行政区划与责任单位): the hierarchy of places with their official codes —
 * country, province, prefecture, county, township, village; the Corps, its divisions and regiments —
 * and the departments and other units that own tasks and report figures.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.region;
