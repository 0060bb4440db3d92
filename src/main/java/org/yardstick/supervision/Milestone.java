package org.yardstick.supervision;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone (节点目标) a planner set for an item: what, by when, and when it was done. */
public record Milestone(long id, long itemId, String title, LocalDate due, @Nullable LocalDate doneOn) {}
