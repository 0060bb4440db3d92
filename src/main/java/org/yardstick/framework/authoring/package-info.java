/**
 * Authoring frameworks by people (plans, indicators, targets) and decomposing targets (分解落实) among
 * sub-regions or departments; {@code web}: the forms and the parts API. Internal to the framework module.
 */
@NullMarked
package org.yardstick.framework.authoring;

import org.jspecify.annotations.NullMarked;
