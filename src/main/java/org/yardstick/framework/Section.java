package org.yardstick.framework;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A chapter of a plan (章节), numbered as the plan numbers it ({@code 2.3} for 二、（三）), with the
 * goals it states, the indicators it monitors and its sub-sections.
 */
public record Section(
        long id, @Nullable Long parentId, String code, LocalizedText title, List<Goal> goals,
        List<String> indicatorCodes, List<Section> sections) {

    public Section {
        goals = List.copyOf(goals);
        indicatorCodes = List.copyOf(indicatorCodes);
        sections = List.copyOf(sections);
    }

    /** The depth-first list of this section and all below it. */
    public List<Section> flatten() {
        java.util.ArrayList<Section> all = new java.util.ArrayList<>();
        all.add(this);
        sections.forEach(s -> all.addAll(s.flatten()));
        return all;
    }
}
