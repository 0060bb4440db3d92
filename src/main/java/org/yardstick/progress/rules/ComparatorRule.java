package org.yardstick.progress.rules;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rule for comparator targets (达到或超过全国平均水平): the region's figure against the
 * comparator's figure of the same year. Progress is the share of the starting gap closed; the rates
 * are the gap closed a year versus the closing a year needed to reach zero by the target year.
 */
final class ComparatorRule {

    private ComparatorRule() {}

    static Assessment assess(TargetTerms t, Evidence e) {
        Draft d = new Draft(t);
        Integer asOf = LevelRule.asOf(e);
        d.asOf = asOf;
        if (asOf == null) {
            return d.insufficient(Reason.NO_FIGURES);
        }
        Series region = e.observed().upTo(asOf);
        Series comparator = e.comparator().upTo(asOf);
        if (region.isEmpty() && t.baselineValue() == null) {
            return LevelRule.noFigures(d, e);
        }
        int dir = switch (t.qualifier()) {
            case AT_MOST -> -1;
            case OVER, AT_LEAST -> 1;
            default -> t.polarity().sign();
        };

        // the years from the baseline on in which both have a figure; the explicit baseline stands for the region's
        List<Figure> pairs = new ArrayList<>();
        if (t.baselineValue() != null && comparator.at(t.baselineYear()) != null) {
            pairs.add(Figure.of(t.baselineYear(), t.baselineValue()));
        }
        for (Figure o : region.observations()) {
            if (o.year() >= t.baselineYear() && comparator.at(o.year()) != null
                    && !(o.year() == t.baselineYear() && t.baselineValue() != null)) {
                pairs.add(o);
            }
        }
        if (pairs.isEmpty()) {
            return d.insufficient(Reason.NO_COMPARATOR_FIGURES);
        }
        Figure start = pairs.get(0);
        if (start.year() != t.baselineYear()) {
            d.note(Reason.NOTE_COMPARATOR_START, start.year());
        }
        d.start = start;
        double s = start.value();
        double cs = valueAt(comparator, start.year());
        int target = t.targetYear();

        Figure latest = LevelRule.deciding(pairs.subList(1, pairs.size()), target, d);
        if (latest == null) {
            d.level = cs;
            if (Growth.meets(s, start.qualifier(), cs, dir)) {
                d.latest = start;
                d.noteQualifier(start);
                return d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, Reason.ACHIEVED_COMPARATOR,
                        s, start.year(), cs);
            }
            boolean regionLater = region.observations().stream().anyMatch(o -> o.year() > start.year());
            return regionLater
                    ? d.insufficient(Reason.NO_COMPARATOR_FIGURES)
                    : d.insufficient(Reason.NO_LATER_FIGURE, start.year());
        }
        d.latest = latest;
        d.noteQualifier(latest);
        Figure newest = region.latest();
        if (newest != null && newest.year() > latest.year() && newest.year() <= Math.max(target, latest.year())) {
            d.note(Reason.NOTE_COMPARATOR_LAGS, newest.year(), latest.year());
        }
        double y = latest.value();
        int ty = latest.year();
        double c = valueAt(comparator, ty);
        d.level = c;
        boolean met = Growth.meets(y, latest.qualifier(), c, dir);

        // gaps, positive while the region is behind
        double gap0 = dir * (cs - s);
        double gap = dir * (c - y);
        if (gap0 > 0) {
            d.progress = 100 * (gap0 - gap) / gap0;
            double left = Math.max(0, 1 - (double) (asOf - start.year()) / (target - start.year()));
            d.expected = c - dir * gap0 * left;
        }
        double achieved = (gap0 - gap) / (ty - start.year());
        double required = gap0 / (target - start.year());
        Double fromLatest = ty < target ? Growth.finite(gap / (target - ty)) : null;
        Double ratio = gap0 > 0 ? Growth.ratio(achieved, required, 1) : null;
        if (Double.isFinite(achieved) && Double.isFinite(required)) {
            d.rates = new Rates(RateBasis.GAP_CLOSING, achieved, required, fromLatest, ratio);
        }
        List<Figure> after = region.observations().stream().filter(o -> o.year() > start.year()).toList();
        d.projection = Projector.project(start, after, target, true, d);
        SdgCategory category = gap0 > 0 ? Growth.category(ratio, achieved) : SdgCategory.DETERIORATION;

        if (met) {
            return d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, Reason.ACHIEVED_COMPARATOR, y, ty, c);
        }
        if (ty >= target) { // before it with the target year come: ProgressRules.settle
            pairs.stream()
                    .filter(o -> o.year() > target && Growth.meets(o.value(), o.qualifier(), valueAt(comparator, o.year()), dir))
                    .findFirst()
                    .ifPresent(o -> d.note(Reason.NOTE_REACHED_LATE, o.year(), target));
            d.note(Reason.NOTE_DEPARTURE_TARGET_YEAR, target);
            return d.build(Status.NOT_ACHIEVED, category, Reason.MISSED_COMPARATOR, target, y, ty, c);
        }
        d.note(Reason.NOTE_DEPARTURE_COMPARATOR);
        if (gap0 <= 0) {
            return d.build(Status.OFF_TRACK, category, Reason.FELL_BEHIND, y, ty, c);
        }
        if (category == SdgCategory.DETERIORATION) {
            return d.build(Status.OFF_TRACK, category, Reason.GAP_WIDENING,
                    Growth.arg(gap0), start.year(), Growth.arg(gap), ty);
        }
        return d.build(category.status(), category, LevelRule.reasonFor(category, RateBasis.GAP_CLOSING),
                Growth.arg(achieved), Growth.arg(required));
    }

    private static double valueAt(Series s, int year) {
        Figure o = s.at(year);
        if (o == null) {
            throw new IllegalStateException("no comparator figure for " + year);
        }
        return o.value();
    }
}
