/**
 * Maps (地图): choropleths of an indicator's approved and computed figures by region, with
 * drill-down from province to prefecture to county where boundaries exist. Boundaries are GeoJSON
 * files keyed by official division code that a deployer supplies (标准地图 with its 审图号), else the
 * demo's sketch maps (示意图) unpacked at build time from the echarts npm package (docs/maps.md).
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.maps;
