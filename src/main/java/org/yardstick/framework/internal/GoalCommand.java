package org.yardstick.framework.internal;

import org.jspecify.annotations.Nullable;
import org.yardstick.framework.Citation;
import org.yardstick.shared.LocalizedText;

/** A goal (目标) stated in a section of a plan, with the sentence it came from if any. */
public record GoalCommand(String code, String sectionCode, LocalizedText text, @Nullable Citation source) {}
