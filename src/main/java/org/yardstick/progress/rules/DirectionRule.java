package org.yardstick.progress.rules;

import java.util.List;
import org.yardstick.framework.TargetKind;

/**
 * Targets that give a direction and no number ({@link TargetKind#INCREASE}, {@link TargetKind#DECREASE}),
 * by Statistics Canada's method for "Indicators without quantitative targets": "the observed compound
 * annual growth rate is compared to predetermined fixed growth rates while also accounting for the
 * desired direction of progress" — {@code d · CAGR ≥ 1.5%·C} on track, {@code ≥ 0.5%·C} progress made
 * but acceleration needed, {@code ≥ 0%} limited progress, below deterioration, with the scaling
 * factor C of a natural limit ({@link StatCan#scaling}). No status says achieved: there is nothing
 * to achieve. The start and the deciding figure are chosen as for level targets; "at least two
 * years of data is required".
 */
final class DirectionRule {

    private DirectionRule() {}

    static Assessment assess(TargetTerms t, Evidence e) {
        Draft d = new Draft(t);
        Integer asOf = LevelRule.asOf(e);
        d.asOf = asOf;
        Series obs = asOf == null ? Series.empty() : e.observed().upTo(asOf);
        int t0 = t.baselineYear();
        Figure base = LevelRule.baseline(t, obs);
        if (obs.isEmpty() && base == null) {
            return LevelRule.noFigures(d, e);
        }
        Figure start = base;
        if (start == null) {
            start = obs.observations().stream().filter(o -> o.year() >= t0).findFirst().orElse(null);
            if (start == null) {
                return d.insufficient(Reason.NO_LATER_FIGURE, t0);
            }
            d.note(Reason.NOTE_START_FROM_FIRST, t0, start.value(), start.year());
        }
        d.start = start;
        int dir = LevelRule.direction(t, 0);
        if (dir != t.polarity().sign()) {
            d.note(Reason.NOTE_DIRECTION_AGAINST_POLARITY);
        }
        int startYear = start.year();
        List<Figure> after = obs.observations().stream().filter(o -> o.year() > startYear).toList();
        Figure latest = LevelRule.deciding(after, t.targetYear(), d);
        if (latest == null) {
            return base != null && base.year() == t0
                    ? d.insufficient(Reason.NO_LATER_FIGURE, t0)
                    : d.insufficient(Reason.ONLY_ONE_FIGURE, start.value(), start.year());
        }
        d.latest = latest;
        d.noteQualifier(latest);
        if (latest != LevelRule.lastUpTo(after, asOf)) {
            d.note(Reason.NOTE_DEPARTURE_TARGET_YEAR, t.targetYear());
        }
        d.projection = Projector.project(start, after, t.targetYear(), true, d);

        double s = start.value();
        double from = StatCan.substituteZero(s);
        if (s == 0) {
            d.note(Reason.NOTE_ZERO_BASE);
        }
        for (Figure o : after) {
            if (o.year() > latest.year()) {
                break;
            }
            if (StatCan.across(from, o.value())) {
                return d.insufficient(Reason.SIGN_CHANGE, s, startYear, o.value(), o.year());
            }
        }
        int sign = StatCan.sign(from);
        if (sign < 0) {
            d.note(Reason.NOTE_NEGATIVE_SERIES);
        }
        Double cagr = StatCan.cagr(from, latest.value(), latest.year() - startYear);
        if (s == 0 && latest.value() == 0) {
            cagr = 0.0; // a departure: 0.001 for the start alone would read a flat series as −100% a year
            d.note(Reason.NOTE_DEPARTURE_FLAT_ZERO);
        }
        if (cagr == null) {
            return d.insufficient(Reason.SIGN_CHANGE, s, startYear, latest.value(), latest.year());
        }
        double directed = sign * dir * cagr;
        double c = StatCan.scaling(from, t.limit(), sign * dir);
        if (c < 1 && t.limit() != null) {
            d.note(Reason.NOTE_LIMIT_SCALING, t.limit(), c);
        }
        double onTrack = StatCan.ON_TRACK_GROWTH * c;
        double acceleration = StatCan.ACCELERATION_GROWTH * c;
        // what counts as required: the on-track threshold, in the series' own direction of growth
        d.rates = new Rates(RateBasis.COMPOUND, cagr, sign * dir * onTrack, null, null);
        SdgCategory category = StatCan.ofGrowth(directed, c);
        double y = latest.value();
        int ty = latest.year();
        if (ty >= t.targetYear()) { // final: did it move the wanted way by the target year?
            // not achieved: a move the wrong way is deterioration, no move at all limited progress (as before the target year)
            return directed > 0
                    ? d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, Reason.DIRECTION_ACHIEVED, s, startYear, y, ty)
                    : d.build(Status.NOT_ACHIEVED, directed < 0 ? SdgCategory.DETERIORATION : SdgCategory.LIMITED_PROGRESS,
                            Reason.DIRECTION_NOT_ACHIEVED, s, startYear, y, ty);
        }
        return switch (category) {
            case ON_TRACK -> c == 0
                    ? d.build(Status.ON_TRACK, category, Reason.DIRECTION_AT_LIMIT, y, ty, Growth.arg(t.limit()))
                    : d.build(Status.ON_TRACK, category, Reason.DIRECTION_ON_TRACK, Growth.arg(directed), onTrack);
            case ACCELERATION_NEEDED -> d.build(Status.AT_RISK, category, Reason.DIRECTION_AT_RISK,
                    Growth.arg(directed), onTrack, acceleration);
            case LIMITED_PROGRESS -> d.build(Status.OFF_TRACK, category, Reason.DIRECTION_LIMITED,
                    Growth.arg(directed), acceleration);
            case DETERIORATION, TARGET_ACHIEVED -> d.build(Status.OFF_TRACK, SdgCategory.DETERIORATION,
                    Reason.DIRECTION_DETERIORATION, s, startYear, y, ty, Growth.arg(-directed));
        };
    }
}
