/** The SDMX REST paths under {@code /sdmx/rest/} ({@code SdmxRest}): structures and data, read-only. */
@org.jspecify.annotations.NullMarked
package org.yardstick.sdmx.web;
