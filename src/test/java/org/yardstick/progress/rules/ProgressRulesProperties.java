package org.yardstick.progress.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import org.jspecify.annotations.Nullable;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;

/** Invariants of the progress rules over generated targets and series. */
class ProgressRulesProperties {

    private static final int BASE = 2015;
    private static final int DUE = 2020;

    // ---- progress is monotone in the latest value

    @Property(tries = 500)
    void progressRisesWithTheLatestValueForPositivePolarity(
            @ForAll("levelTargetsAboveTheirBaseline") Target t,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double y1,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double y2) {
        double low = Math.min(y1, y2);
        double high = Math.max(y1, y2);
        Series base = Series.empty().with(BASE, t.baselineValue());

        Double pLow = ProgressRules.assess(t, base.with(2018, low)).progressPercent();
        Double pHigh = ProgressRules.assess(t, base.with(2018, high)).progressPercent();

        assertThat(pLow).isNotNull();
        assertThat(pHigh).isNotNull();
        assertThat(pLow).isLessThanOrEqualTo(pHigh);
    }

    @Property(tries = 200)
    void progressFallsWithTheLatestValueForNegativePolarity(
            @ForAll @DoubleRange(min = 1, max = 1000) double baseline,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double share,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double y1,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double y2) {
        Target t = Target.value(baseline * share, BASE, DUE).withPolarity(Polarity.NEGATIVE);
        Series base = Series.empty().with(BASE, baseline);

        Double pLow = ProgressRules.assess(t, base.with(2018, Math.min(y1, y2))).progressPercent();
        Double pHigh = ProgressRules.assess(t, base.with(2018, Math.max(y1, y2))).progressPercent();

        assertThat(pLow).isNotNull().isGreaterThanOrEqualTo(pHigh);
    }

    @Provide
    Arbitrary<Target> levelTargetsAboveTheirBaseline() {
        Arbitrary<Double> baseline = Arbitraries.doubles().between(1, 1000);
        Arbitrary<Double> above = Arbitraries.doubles().between(0.01, 300);
        Arbitrary<TargetKind> kinds = Arbitraries.of(TargetKind.VALUE, TargetKind.AT_LEAST, TargetKind.COUNT,
                TargetKind.MULTIPLE, TargetKind.CHANGE, TargetKind.GROWTH_RATE, TargetKind.RANGE);
        return Combinators.combine(kinds, baseline, above, Arbitraries.of(ChangeUnit.values()))
                .as((kind, b, x, unit) -> {
                    Target t = switch (kind) {
                        case VALUE -> Target.value(b + x, BASE, DUE);
                        case AT_LEAST -> Target.atLeast(b + x, BASE, DUE);
                        case COUNT -> Target.count(b + x, BASE, DUE);
                        case MULTIPLE -> Target.multiple(1 + x / 100, BASE, DUE);
                        case CHANGE -> Target.change(x, unit, BASE, DUE);
                        case GROWTH_RATE -> Target.growthRate(x / 10, BASE, DUE);
                        default -> Target.range(b + x, b + 2 * x, BASE, DUE);
                    };
                    return t.withBaselineValue(b);
                });
    }

    // ---- no NaN or infinity, whatever finite input

    @Property(tries = 3000)
    void everyNumberOfEveryAssessmentIsFinite(@ForAll("anyTarget") Target t, @ForAll("anyEvidence") Evidence e) {
        Assessment a = ProgressRules.assess(t, e);

        List<Double> numbers = new ArrayList<>();
        collect(a, numbers);
        assertThat(numbers).allMatch(Double::isFinite, "finite");
        assertThat(a.reason().english()).isNotBlank();
        a.notes().forEach(n -> assertThat(n.english()).isNotBlank());
        if (a.projection() != null) {
            assertThat(a.projection().low()).isLessThanOrEqualTo(a.projection().high());
        }
    }

    @Provide
    Arbitrary<Target> anyTarget() {
        Arbitrary<TargetKind> kinds = Arbitraries.of(TargetKind.values());
        Arbitrary<Integer> baseYears = Arbitraries.integers().between(2000, 2030);
        Arbitrary<Integer> spans = Arbitraries.integers().between(1, 15);
        Arbitrary<@Nullable Double> baseline = anyNumber().injectNull(0.5);
        return Combinators.combine(kinds, anyNumber(), anyNumber(), baseYears, spans, baseline,
                        Arbitraries.of(Qualifier.values()), Arbitraries.of(Polarity.values()))
                .as((kind, v, w, year, span, b, q, p) -> {
                    double value = v;
                    if (kind == TargetKind.MULTIPLE) {
                        value = Math.max(Double.MIN_VALUE, Math.abs(v));
                    }
                    if (kind == TargetKind.GROWTH_RATE || kind == TargetKind.CHANGE) {
                        value = Math.max(-100, v);
                    }
                    boolean numeric = kind != TargetKind.COMPARATOR && kind != TargetKind.MILESTONE;
                    return new Target(kind, q, numeric ? value : null,
                            kind == TargetKind.RANGE ? Math.max(value, w) : null,
                            kind == TargetKind.CHANGE ? (w > 0 ? ChangeUnit.PERCENT : ChangeUnit.POINTS) : null,
                            year, b, year + span, p);
                });
    }

    @Provide
    Arbitrary<Evidence> anyEvidence() {
        Arbitrary<@Nullable Integer> asOf = Arbitraries.integers().between(1995, 2050).injectNull(0.6);
        Arbitrary<@Nullable Judgement> judgement = Combinators.combine(
                        Arbitraries.of(Verdict.values()), Arbitraries.integers().between(1995, 2050),
                        Arbitraries.strings().ofMaxLength(20))
                .as(Judgement::new)
                .injectNull(0.5);
        return Combinators.combine(anySeries(), anySeries(), asOf, judgement).as(Evidence::new);
    }

    private Arbitrary<Series> anySeries() {
        Arbitrary<Observation> observation = Combinators.combine(
                        Arbitraries.integers().between(1997, 2048), anyNumber(), Arbitraries.of(Qualifier.values()))
                .as(Observation::new);
        return observation.list().ofMaxSize(7).uniqueElements(Observation::year).map(Series::new);
    }

    /** Ordinary figures, extremes (tiny and huge, both signs, zero) and anything finite. */
    private Arbitrary<Double> anyNumber() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(-1000, 1000)),
                Tuple.of(3, Arbitraries.of(0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, Double.MIN_VALUE,
                        Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, 1e-9, 1e9)),
                Tuple.of(1, Arbitraries.doubles().between(-Double.MAX_VALUE, Double.MAX_VALUE)));
    }

    /** Every number reachable from a value: record components, list elements, boxed doubles. */
    private static void collect(@Nullable Object o, List<Double> out) {
        if (o instanceof Double d) {
            out.add(d);
        } else if (o instanceof List<?> list) {
            list.forEach(x -> collect(x, out));
        } else if (o instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    collect(c.getAccessor().invoke(r), out);
                } catch (ReflectiveOperationException ex) {
                    throw new AssertionError(ex);
                }
            }
        }
    }

    // ---- achieved exactly when the latest figure meets the target

    @Property(tries = 3000)
    void achievedIffTheLatestFigureMeetsTheTarget(@ForAll("numericCases") NumericCase c) {
        Assessment a = ProgressRules.assess(c.target(), Evidence.of(c.region()).withComparator(c.comparator()));

        assertThat(a.status() == Status.ACHIEVED)
                .as("%s on %s (comparator %s) gave %s: %s", c.target(), c.region(), c.comparator(), a.status(),
                        a.reason())
                .isEqualTo(c.met());
    }

    /** A numeric target, unqualified figures up to the target year starting at the baseline year. */
    record NumericCase(Target target, Series region, Series comparator) {

        /** The target condition, computed from its definition in docs/progress-rules.md. */
        boolean met() {
            Target t = target;
            Observation latest = region.latest();
            double y = latest.value();
            double b = region.at(t.baselineYear()).value();
            double v = t.value() == null ? 0 : t.value();
            int n = t.targetYear() - t.baselineYear();
            int polarity = t.polarity().sign();
            return switch (t.kind()) {
                case VALUE -> atLeast(polarity * y, polarity * v);
                case AT_LEAST, COUNT -> atLeast(y, v);
                case AT_MOST -> atLeast(-y, -v);
                case RANGE -> atLeast(y, v) && atLeast(-y, -t.valueHigh());
                case CHANGE -> {
                    double level = t.changeUnit() == ChangeUnit.PERCENT ? b * (1 + v / 100) : b + v;
                    int d = v == 0 ? polarity : (int) Math.signum(v);
                    yield atLeast(d * y, d * level);
                }
                case GROWTH_RATE -> {
                    int d = v == 0 ? polarity : (int) Math.signum(v);
                    yield atLeast(d * y, d * b * Math.pow(1 + v / 100, n));
                }
                case MULTIPLE -> {
                    int d = v == 1 ? polarity : v > 1 ? 1 : -1;
                    yield atLeast(d * y, d * b * v);
                }
                case COMPARATOR -> atLeast(polarity * y, polarity * comparator.at(latest.year()).value());
                case MILESTONE -> throw new IllegalStateException("not numeric");
            };
        }

        /** {@code x ≥ level}, with the documented relative tolerance of 1e-9. */
        private static boolean atLeast(double x, double level) {
            return x - level >= -1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(level)));
        }
    }

    @Provide
    Arbitrary<NumericCase> numericCases() {
        Arbitrary<TargetKind> kinds = Arbitraries.of(TargetKind.VALUE, TargetKind.AT_LEAST, TargetKind.AT_MOST,
                TargetKind.RANGE, TargetKind.CHANGE, TargetKind.GROWTH_RATE, TargetKind.MULTIPLE,
                TargetKind.COMPARATOR, TargetKind.COUNT);
        Arbitrary<Double> grid = Arbitraries.integers().between(-400, 400).map(k -> k / 2.0);
        Arbitrary<Double> positive = Arbitraries.integers().between(1, 800).map(k -> k / 2.0);
        Arbitrary<List<Double>> later = grid.list().ofMaxSize(DUE - BASE);
        return Combinators.combine(kinds, grid, grid, positive, later, later, Arbitraries.of(Polarity.values()),
                        Arbitraries.of(ChangeUnit.values()))
                .as((kind, v, w, b, ys, cs, p, unit) -> {
                    boolean relative = kind == TargetKind.CHANGE || kind == TargetKind.GROWTH_RATE
                            || kind == TargetKind.MULTIPLE;
                    double baseline = relative ? b : v - w;
                    double value = switch (kind) {
                        case MULTIPLE -> Math.abs(v) / 50 + 0.01;
                        case GROWTH_RATE, CHANGE -> Math.max(-100, v / 4);
                        default -> v;
                    };
                    Target t = new Target(kind, Qualifier.NONE, kind == TargetKind.COMPARATOR ? null : value,
                            kind == TargetKind.RANGE ? value + Math.abs(w) : null,
                            kind == TargetKind.CHANGE ? unit : null, BASE, null, DUE, p);
                    Series region = Series.empty().with(BASE, baseline);
                    Series comparator = Series.empty().with(BASE, baseline + w);
                    for (int i = 0; i < ys.size(); i++) {
                        region = region.with(BASE + 1 + i, ys.get(i) * (relative ? Math.abs(b) / 100 : 1));
                        comparator = comparator.with(BASE + 1 + i, i < cs.size() ? cs.get(i) : w);
                    }
                    return new NumericCase(t, region, comparator);
                });
    }
}
