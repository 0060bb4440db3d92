package org.yardstick.progress.rules;

import org.jspecify.annotations.Nullable;

/**
 * What is known when a target is assessed: the indicator's figures for the target's region, the
 * comparator region's figures (comparator targets), the evaluation year, and a person's judgement
 * (milestones).
 *
 * @param asOfYear the evaluation year; null means the latest year observed (for a milestone: the
 *     judgement's year). Figures after it are not used.
 */
public record Evidence(Series observed, Series comparator, @Nullable Integer asOfYear, @Nullable Judgement judgement) {

    public Evidence {
        if (asOfYear != null) {
            Figure.requireYear(asOfYear, "as-of year");
        }
    }

    public static Evidence of(Series observed) {
        return new Evidence(observed, Series.empty(), null, null);
    }

    public static Evidence none() {
        return of(Series.empty());
    }

    public Evidence withComparator(Series c) {
        return new Evidence(observed, c, asOfYear, judgement);
    }

    public Evidence asOf(int year) {
        return new Evidence(observed, comparator, year, judgement);
    }

    public Evidence withJudgement(Judgement j) {
        return new Evidence(observed, comparator, asOfYear, j);
    }
}
