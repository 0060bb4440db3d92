/**
 * SDMX (统计数据与元数据交换): the framework as SDMX 2.1 structures (code lists, concept scheme, data
 * structure definition, data flows) and the approved figures as SDMX-ML structure-specific data,
 * SDMX-CSV and SDMX-JSON, by the SDMX REST paths under {@code /sdmx/rest/}. Read-only; publishes
 * approved figures only.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.sdmx;
