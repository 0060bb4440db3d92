/** The authoring forms (htmx inline validation) and the target parts API under {@code /api/v1/}. */
@NullMarked
package org.yardstick.framework.authoring.web;

import org.jspecify.annotations.NullMarked;
