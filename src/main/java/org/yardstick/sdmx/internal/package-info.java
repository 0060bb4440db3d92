/**
 * SDMX's machinery: the catalogue of code lists, concepts and flows ({@code SdmxCatalogue}, {@code Dsd}), the
 * data query ({@code DataQuery}), the approved figures read through a cursor ({@code SdmxData}) and written as
 * SDMX-ML, SDMX-CSV or SDMX-JSON ({@code DataMessage}, {@code StructureWriter}), and the settings
 * ({@code SdmxSettings}). The module exports nothing at its root.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.sdmx.internal;
