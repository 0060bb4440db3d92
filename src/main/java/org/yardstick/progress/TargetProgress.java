package org.yardstick.progress;

import org.yardstick.framework.Target;
import org.yardstick.progress.rules.Assessment;

/** A plan's target and how it stands. */
public record TargetProgress(Target target, Assessment assessment) {}
