package org.yardstick.framework.authoring;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Target;

/**
 * A part of a decomposed target: a target of its own (its region, its progress) that points at the whole.
 *
 * @param share the share of the whole in percent, when the part was given as one
 * @param organisationCode the department it is assigned to, when assigned to one
 */
public record Part(Target target, @Nullable BigDecimal share, @Nullable String organisationCode) {}
