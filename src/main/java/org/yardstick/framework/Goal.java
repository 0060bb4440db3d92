package org.yardstick.framework;

import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/** A goal (目标) a plan states, with the sentence it came from. */
public record Goal(long id, String code, LocalizedText text, @Nullable Citation source) {}
