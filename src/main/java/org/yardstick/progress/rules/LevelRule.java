package org.yardstick.progress.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;

/**
 * The rule for targets that come down to a level to reach by the target year: value, at least, at
 * most, range, change, growth rate, multiple and count. See {@code docs/progress-rules.md}.
 */
final class LevelRule {

    private LevelRule() {}

    static Assessment assess(TargetTerms t, Evidence e) {
        Draft d = new Draft(t);
        Integer asOf = asOf(e);
        d.asOf = asOf;
        Series obs = asOf == null ? Series.empty() : e.observed().upTo(asOf);
        int t0 = t.baselineYear();
        Figure base = baseline(t, obs);
        if (base == null && t.isRelative()) {
            return d.insufficient(Reason.NO_BASELINE, t0);
        }
        if (obs.isEmpty() && base == null) {
            return noFigures(d, e);
        }

        Figure start = base;
        if (start == null && t.kind() == TargetKind.COUNT) {
            start = new Figure(t0, 0, Qualifier.NONE);
            d.note(Reason.NOTE_COUNT_FROM_ZERO, t0);
        } else if (start == null) {
            start = obs.observations().stream().filter(o -> o.year() >= t0).findFirst().orElse(null);
            if (start == null) {
                return d.insufficient(Reason.NO_LATER_FIGURE, t0);
            }
            d.note(Reason.NOTE_START_FROM_FIRST, t0, start.value(), start.year());
        }
        d.start = start;
        double s = start.value();
        if (t.needsPositiveBaseline() && s <= 0) {
            return d.insufficient(Reason.BASELINE_NOT_POSITIVE, s);
        }

        double v = t.value() == null ? 0 : t.value();
        double level = level(t, s, v);
        d.level = level;
        d.levelHigh = t.valueHigh();
        int dir = direction(t, v);
        if (t.isRelative() && dir != t.polarity().sign()) {
            d.note(Reason.NOTE_DIRECTION_AGAINST_POLARITY);
        }

        int startYear = start.year();
        List<Figure> after = obs.observations().stream().filter(o -> o.year() > startYear).toList();
        Figure latest = deciding(after, t.targetYear(), d);
        if (latest == null) {
            return onlyStart(t, d, start, base != null && base.year() == t0, dir);
        }
        d.latest = latest;
        d.noteQualifier(latest);

        // a range is approached from the side the start lies on
        double ref = level;
        if (t.kind() == TargetKind.RANGE) {
            double high = t.valueHigh() == null ? level : t.valueHigh();
            boolean towardsLow = s < level || (s <= high && latest.value() < level);
            ref = towardsLow ? level : high;
            dir = towardsLow ? 1 : -1;
        }
        double y = latest.value();
        int ty = latest.year();
        int target = t.targetYear();
        boolean met = meets(t, latest, level, dir);

        boolean distance = dir * (ref - s) > 0;
        d.progress = distance ? 100 * (y - s) / (ref - s) : null;
        if (distance && asOf >= startYear) {
            double share = Math.min(1.0, (double) (asOf - startYear) / (target - startYear));
            d.expected = s + (ref - s) * share;
        }

        boolean countLike = t.kind() == TargetKind.COUNT;
        Method m = countLike ? linear(s, y, ref, startYear, ty, target, d)
                : compound(t, start, after, latest, ref, v, dir, d);
        d.rates = m.rates();
        d.projection = Projector.project(start, after, target, !countLike, d);
        SdgCategory category = m.category();

        if (met) {
            if (latest != lastUpTo(after, asOf)) {
                d.note(Reason.NOTE_DEPARTURE_TARGET_YEAR, target);
            }
            return t.kind() == TargetKind.RANGE
                    ? d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, Reason.ACHIEVED_IN_RANGE,
                            y, ty, level, t.valueHigh())
                    : d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, Reason.ACHIEVED, y, ty, Growth.arg(level));
        }
        boolean range = t.kind() == TargetKind.RANGE;
        boolean startInRange = range && Growth.within(s, start.qualifier(), level, t.valueHigh());
        boolean overshoot = range && !startInRange && dir * (y - ref) > 0;
        if (ty >= target) { // a figure of the target year or later: not achieved (before it: ProgressRules.settle)
            int side = dir;
            after.stream()
                    .filter(o -> o.year() > target && meets(t, o, level, side))
                    .findFirst()
                    .ifPresent(o -> d.note(Reason.NOTE_REACHED_LATE, o.year(), target));
            d.note(Reason.NOTE_DEPARTURE_TARGET_YEAR, target);
            return range
                    ? d.build(Status.NOT_ACHIEVED, overshoot ? null : category, Reason.MISSED_RANGE,
                            target, y, ty, level, t.valueHigh())
                    : d.build(Status.NOT_ACHIEVED, category, Reason.MISSED, target, y, ty, Growth.arg(level));
        }
        if (overshoot) {
            d.note(Reason.NOTE_DEPARTURE_RANGE);
            return d.build(Status.AT_RISK, null, Reason.RANGE_OVERSHOOT, y, ty, level, t.valueHigh());
        }
        if (startInRange) {
            d.note(Reason.NOTE_DEPARTURE_RANGE);
            return d.build(Status.OFF_TRACK, SdgCategory.DETERIORATION, Reason.LEFT_RANGE,
                    y, ty, level, t.valueHigh());
        }
        if (m.unassessable() != null) {
            return d.insufficient(m.unassessable().reason(), m.unassessable().args().toArray());
        }
        if (category == null) {
            throw new IllegalStateException("no category without a reason to be unassessable");
        }
        if (category == SdgCategory.DETERIORATION) {
            return d.build(Status.OFF_TRACK, category, Reason.MOVING_AWAY, y, ty, s, startYear);
        }
        return d.build(category.status(), category, reasonFor(category, m.basis()),
                Growth.arg(m.achieved()), Growth.arg(m.required()));
    }

    /**
     * The rates and category by the method, or why the method cannot assess.
     *
     * @param rates null when unassessable or a rate is not finite
     * @param achieved the rate achieved (may overflow to infinity; messages clamp it)
     * @param category null when unassessable
     * @param unassessable the reason the method gives no status ("Unable to assess"); null otherwise
     */
    record Method(RateBasis basis, @Nullable Rates rates, double achieved, double required,
            @Nullable SdgCategory category, @Nullable Message unassessable) {

        static Method unable(Message why) {
            return new Method(RateBasis.COMPOUND, null, 0, 0, null, why);
        }
    }

    /**
     * Statistics Canada's ratio on compound growth: {@code R = s · d · CAGR_obs / |CAGR_req|}, where
     * {@code s = −1} for a series below zero (the method flips the direction) and a start or
     * target of zero is replaced by 0.001. Figures across zero from the start, or a target across
     * zero, cannot be assessed: "it is valid only when all values are positive or all values are
     * negative"; every figure from the start to the latest is checked, as that sentence says
     * (sdg-build checks the two ends).
     */
    private static Method compound(TargetTerms t, Figure start, List<Figure> after, Figure latest,
            double ref, double v, int dir, Draft d) {
        double s = start.value();
        double base = StatCan.substituteZero(s);
        if (s == 0) {
            d.note(Reason.NOTE_ZERO_BASE);
        }
        double goal = StatCan.substituteZero(ref);
        if (ref == 0 && t.kind() != TargetKind.GROWTH_RATE) {
            d.note(Reason.NOTE_ZERO_TARGET);
        }
        for (Figure o : after) {
            if (o.year() > latest.year()) {
                break;
            }
            if (StatCan.across(base, o.value())) {
                return Method.unable(Message.of(Reason.SIGN_CHANGE, s, start.year(), o.value(), o.year()));
            }
        }
        if (StatCan.across(base, goal) && t.kind() != TargetKind.GROWTH_RATE) {
            return Method.unable(Message.of(Reason.TARGET_ACROSS_ZERO, s, Growth.arg(ref)));
        }
        int sign = StatCan.sign(base);
        if (sign < 0) {
            d.note(Reason.NOTE_NEGATIVE_SERIES);
        }
        double y = latest.value();
        int startYear = start.year();
        int target = t.targetYear();
        Double achieved = StatCan.cagr(base, y, latest.year() - startYear);
        if (s == 0 && y == 0) {
            achieved = 0.0; // a departure: 0.001 for the start alone would read a flat series as −100% a year
            d.note(Reason.NOTE_DEPARTURE_FLAT_ZERO);
        }
        Double required = t.kind() == TargetKind.GROWTH_RATE ? Double.valueOf(v)
                : StatCan.cagr(base, goal, target - startYear);
        if (achieved == null || required == null) {
            return Method.unable(Message.of(Reason.SIGN_CHANGE, s, startYear, y, latest.year()));
        }
        Double fromLatest = latest.year() < target ? StatCan.cagr(y, goal, target - latest.year()) : null;
        Double ratio = Growth.ratio(achieved, required, sign * dir);
        Rates rates = new Rates(RateBasis.COMPOUND, achieved, required, fromLatest, ratio);
        return new Method(RateBasis.COMPOUND, rates, achieved, required, Growth.category(ratio, sign * dir * achieved),
                null);
    }

    /**
     * Counts: linear rates from zero, {@code (y − S)/(t − s)} against {@code (L − S)/(T − s)}, and the
     * method's ratio and thresholds on them (a departure: things built accumulate; they do not compound).
     */
    private static Method linear(double s, double y, double ref, int startYear, int ty, int target, Draft d) {
        d.note(Reason.NOTE_DEPARTURE_COUNT_LINEAR);
        double achieved = (y - s) / (ty - startYear);
        double required = (ref - s) / (target - startYear);
        Double fromLatest = ty < target ? Growth.linearRate(y, ref, target - ty) : null;
        Double ratio = Growth.ratio(achieved, required, 1);
        Rates rates = Double.isFinite(achieved) && Double.isFinite(required)
                ? new Rates(RateBasis.LINEAR, achieved, required, fromLatest, ratio) : null;
        return new Method(RateBasis.LINEAR, rates, achieved, required, Growth.category(ratio, achieved), null);
    }

    /** The latest figure up to the as-of year. */
    static @Nullable Figure lastUpTo(List<Figure> after, int asOf) {
        Figure last = null;
        for (Figure o : after) {
            if (o.year() <= asOf) {
                last = o;
            }
        }
        return last;
    }

    /** The evaluation year: as given, else the latest year observed; null when nothing is known. */
    static @Nullable Integer asOf(Evidence e) {
        if (e.asOfYear() != null) {
            return e.asOfYear();
        }
        Figure newest = e.observed().latest();
        return newest == null ? null : newest.year();
    }

    static Assessment noFigures(Draft d, Evidence e) {
        return e.asOfYear() != null && !e.observed().isEmpty()
                ? d.insufficient(Reason.NO_FIGURES_BY, e.asOfYear())
                : d.insufficient(Reason.NO_FIGURES);
    }

    /**
     * The figure the status is decided on: the latest after the start up to the target year; when
     * there is none, the first after the target year (noted).
     */
    static @Nullable Figure deciding(List<Figure> after, int targetYear, Draft d) {
        Figure latest = null;
        for (Figure o : after) {
            if (o.year() <= targetYear) {
                latest = o;
            }
        }
        if (latest == null && !after.isEmpty()) {
            latest = after.get(0);
            d.note(Reason.NOTE_JUDGED_AFTER_TARGET_YEAR, targetYear, latest.year());
        }
        return latest;
    }

    /** The reason sentence of a category that follows from the rates. */
    static Reason reasonFor(SdgCategory c, RateBasis basis) {
        return switch (c) {
            case ON_TRACK, TARGET_ACHIEVED -> switch (basis) {
                case COMPOUND -> Reason.ON_TRACK;
                case LINEAR -> Reason.ON_TRACK_LINEAR;
                case GAP_CLOSING -> Reason.ON_TRACK_GAP;
            };
            case ACCELERATION_NEEDED -> switch (basis) {
                case COMPOUND -> Reason.AT_RISK;
                case LINEAR -> Reason.AT_RISK_LINEAR;
                case GAP_CLOSING -> Reason.AT_RISK_GAP;
            };
            case LIMITED_PROGRESS, DETERIORATION -> switch (basis) {
                case COMPOUND -> Reason.OFF_TRACK_SLOW;
                case LINEAR -> Reason.OFF_TRACK_SLOW_LINEAR;
                case GAP_CLOSING -> Reason.OFF_TRACK_GAP;
            };
        };
    }

    /** The explicit baseline value, else the figure of the baseline year; null when neither exists. */
    static @Nullable Figure baseline(TargetTerms t, Series obs) {
        if (t.baselineValue() != null) {
            return new Figure(t.baselineYear(), t.baselineValue(), Qualifier.NONE);
        }
        return obs.at(t.baselineYear());
    }

    /**
     * The level to reach in the indicator's unit: the value itself (value, at least, at most, count,
     * a range's low end); {@code b · (1 + v/100)} or {@code b + v} for a change; {@code b · (1 + r/100)^(T − t0)}
     * for a growth rate; {@code b · f} for a multiple.
     */
    private static double level(TargetTerms t, double b, double v) {
        return switch (t.kind()) {
            case CHANGE -> t.changeUnit() == ChangeUnit.PERCENT ? b * (1 + v / 100) : b + v;
            case GROWTH_RATE -> Growth.compound(b, v, t.targetYear() - t.baselineYear());
            case MULTIPLE -> b * v;
            default -> v;
        };
    }

    /**
     * +1 when the target is met at or above its level, −1 at or below. Value targets follow their
     * qualifier (以上, 不少于: above; 不超过: below), else the indicator's polarity; changes, growth
     * rates and multiples follow their sign (缩短10%: below), even against the polarity.
     */
    static int direction(TargetTerms t, double v) {
        int polarity = t.polarity().sign();
        return switch (t.kind()) {
            case VALUE -> switch (t.qualifier()) {
                case OVER, AT_LEAST -> 1;
                case AT_MOST -> -1;
                default -> polarity;
            };
            case AT_LEAST, COUNT, RANGE -> 1;
            case AT_MOST -> -1;
            case CHANGE, GROWTH_RATE -> v > 0 ? 1 : v < 0 ? -1 : polarity;
            case MULTIPLE -> v > 1 ? 1 : v < 1 ? -1 : polarity;
            case COMPARATOR, MILESTONE -> polarity;
            case INCREASE -> 1;
            case DECREASE -> -1;
        };
    }

    private static boolean meets(TargetTerms t, Figure o, double level, int dir) {
        if (t.kind() == TargetKind.RANGE) {
            return Growth.within(o.value(), o.qualifier(), level, t.valueHigh() == null ? level : t.valueHigh());
        }
        return Growth.meets(o.value(), o.qualifier(), level, dir);
    }

    /** No figure after the start: achieved if the start meets the target, else too little data. */
    private static Assessment onlyStart(TargetTerms t, Draft d, Figure start, boolean isBaseline, int dir) {
        double level = d.level == null ? 0 : d.level;
        if (meets(t, start, level, dir)) {
            d.latest = start;
            d.noteQualifier(start);
            if (t.kind() == TargetKind.RANGE) {
                return d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, Reason.ACHIEVED_IN_RANGE,
                        start.value(), start.year(), level, t.valueHigh());
            }
            d.note(Reason.NOTE_DEPARTURE_SINGLE_FIGURE);
            Reason r = isBaseline ? Reason.ACHIEVED_AT_BASELINE : Reason.ACHIEVED;
            return d.build(Status.ACHIEVED, SdgCategory.TARGET_ACHIEVED, r, start.value(), start.year(), Growth.arg(level));
        }
        if (t.kind() == TargetKind.COUNT || isBaseline) {
            return d.insufficient(Reason.NO_LATER_FIGURE, t.baselineYear());
        }
        return d.insufficient(Reason.ONLY_ONE_FIGURE, start.value(), start.year());
    }
}
