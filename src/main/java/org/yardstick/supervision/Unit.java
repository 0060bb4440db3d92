package org.yardstick.supervision;

import org.yardstick.shared.LocalizedText;

/** A responsible unit of an item: an organisation, by the name the plans use for it. */
public record Unit(long id, String code, LocalizedText name) {}
