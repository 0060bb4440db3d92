package org.yardstick.progress.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.yardstick.framework.ChangeUnit;
import org.yardstick.framework.Polarity;
import org.yardstick.framework.Qualifier;
import org.yardstick.framework.TargetKind;

/** Invariants of the progress rules over generated targets and series. */
class ProgressRulesProperties {

    private static final int BASE = 2015;
    private static final int DUE = 2020;

    // ---- progress is monotone in the latest value

    /** For a level target above its baseline, a higher latest value never gives less progress. */
    @Test
    void progressRisesWithTheLatestValueForPositivePolarity() {
        qt().withExamples(500)
                .forAll(levelTargetsAboveTheirBaseline(), doublesBetween(-1e4, 1e4), doublesBetween(-1e4, 1e4))
                .checkAssert((t, y1, y2) -> {
                    double low = Math.min(y1, y2);
                    double high = Math.max(y1, y2);
                    Series base = Series.empty().with(BASE, t.baselineValue());

                    Double pLow = ProgressRules.assess(t, base.with(2018, low)).progressPercent();
                    Double pHigh = ProgressRules.assess(t, base.with(2018, high)).progressPercent();

                    assertThat(pLow).isNotNull();
                    assertThat(pHigh).isNotNull();
                    assertThat(pLow).isLessThanOrEqualTo(pHigh);
                });
    }

    /** For a value target below its baseline with negative polarity, a higher latest value never gives more progress. */
    @Test
    void progressFallsWithTheLatestValueForNegativePolarity() {
        qt().withExamples(200)
                .forAll(doublesBetween(1, 1000), doublesBetween(0.01, 0.99), doublesBetween(-1e4, 1e4),
                        doublesBetween(-1e4, 1e4))
                .checkAssert((baseline, share, y1, y2) -> {
                    TargetTerms t = TargetTerms.value(baseline * share, BASE, DUE).withPolarity(Polarity.NEGATIVE);
                    Series base = Series.empty().with(BASE, baseline);

                    Double pLow = ProgressRules.assess(t, base.with(2018, Math.min(y1, y2))).progressPercent();
                    Double pHigh = ProgressRules.assess(t, base.with(2018, Math.max(y1, y2))).progressPercent();

                    assertThat(pLow).isNotNull().isGreaterThanOrEqualTo(pHigh);
                });
    }

    /** Targets of every level kind, positive polarity, whose level lies above the stated baseline value. */
    private static Gen<TargetTerms> levelTargetsAboveTheirBaseline() {
        Gen<Double> baseline = doublesBetween(1, 1000);
        Gen<Double> above = doublesBetween(0.01, 300);
        Gen<TargetKind> kinds = Generate.pick(List.of(TargetKind.VALUE, TargetKind.AT_LEAST, TargetKind.COUNT,
                TargetKind.MULTIPLE, TargetKind.CHANGE, TargetKind.GROWTH_RATE, TargetKind.RANGE));
        return kinds.zip(baseline, above, Generate.enumValues(ChangeUnit.class), (kind, b, x, unit) -> {
            TargetTerms t = switch (kind) {
                case VALUE -> TargetTerms.value(b + x, BASE, DUE);
                case AT_LEAST -> TargetTerms.atLeast(b + x, BASE, DUE);
                case COUNT -> TargetTerms.count(b + x, BASE, DUE);
                case MULTIPLE -> TargetTerms.multiple(1 + x / 100, BASE, DUE);
                case CHANGE -> TargetTerms.change(x, unit, BASE, DUE);
                case GROWTH_RATE -> TargetTerms.growthRate(x / 10, BASE, DUE);
                default -> TargetTerms.range(b + x, b + 2 * x, BASE, DUE);
            };
            return t.withBaselineValue(b);
        });
    }

    // ---- no NaN or infinity, whatever finite input

    /**
     * Whatever the target and the (finite) evidence, every number of the assessment is finite, every
     * message has English text, and a projection's low end is not above its high end.
     */
    @Test
    void everyNumberOfEveryAssessmentIsFinite() {
        qt().withExamples(3000).forAll(anyTarget(), anyEvidence()).checkAssert((t, e) -> {
            Assessment a = ProgressRules.assess(t, e);

            List<Double> numbers = new ArrayList<>();
            collect(a, numbers);
            assertThat(numbers).allMatch(Double::isFinite, "finite");
            assertThat(a.reason().english()).isNotBlank();
            a.notes().forEach(n -> assertThat(n.english()).isNotBlank());
            if (a.projection() != null) {
                assertThat(a.projection().low()).isLessThanOrEqualTo(a.projection().high());
            }
        });
    }

    /** The baseline and target years of a target. */
    private record Years(int baseline, int target) {}

    /** The numbers of a target: value, second value (range end, change unit) and a baseline value in half the cases. */
    private record Numbers(double v, double w, @Nullable Double baseline) {}

    /** Any valid target: every kind, qualifier and polarity, any finite numbers the kind admits. */
    private static Gen<TargetTerms> anyTarget() {
        Gen<Years> years = integersBetween(2000, 2030).zip(integersBetween(1, 15),
                (year, span) -> new Years(year, year + span));
        Gen<Numbers> numbers = anyNumber().zip(anyNumber(), nullable(anyNumber(), 50), Numbers::new);
        return Generate.enumValues(TargetKind.class).zip(numbers, years, Generate.enumValues(Qualifier.class),
                Generate.enumValues(Polarity.class), (kind, n, y, q, p) -> {
                    double v = n.v();
                    double w = n.w();
                    double value = v;
                    if (kind == TargetKind.MULTIPLE) {
                        value = Math.max(Double.MIN_VALUE, Math.abs(v));
                    }
                    if (kind == TargetKind.GROWTH_RATE || kind == TargetKind.CHANGE) {
                        value = Math.max(-100, v);
                    }
                    boolean numeric = kind != TargetKind.COMPARATOR && kind != TargetKind.MILESTONE
                            && !kind.directionOnly();
                    return new TargetTerms(kind, q, numeric ? value : null,
                            kind == TargetKind.RANGE ? Math.max(value, w) : null,
                            kind == TargetKind.CHANGE ? (w > 0 ? ChangeUnit.PERCENT : ChangeUnit.POINTS) : null,
                            y.baseline(), n.baseline(), y.target(), p, kind.directionOnly() && w > 0 ? w : null);
                });
    }

    /** Two series, an as-of year in 40% of the cases and a person's judgement in half of them. */
    private static Gen<Evidence> anyEvidence() {
        Gen<@Nullable Integer> asOf = nullable(integersBetween(1995, 2050), 60);
        Gen<@Nullable Judgement> judgement = nullable(Generate.enumValues(Verdict.class).zip(
                integersBetween(1995, 2050), strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 20),
                Judgement::new), 50);
        return anySeries().zip(anySeries(), asOf, judgement, Evidence::new);
    }

    /** Up to seven figures of distinct years, any qualifier. */
    private static Gen<Series> anySeries() {
        Gen<Figure> observation = integersBetween(1997, 2048).zip(anyNumber(),
                Generate.enumValues(Qualifier.class), Figure::new);
        return lists().of(observation).ofSizeBetween(0, 7).map(list -> {
            Map<Integer, Figure> byYear = new LinkedHashMap<>();
            list.forEach(o -> byYear.putIfAbsent(o.year(), o)); // unique years, as a series requires
            return new Series(new ArrayList<>(byYear.values()));
        });
    }

    /** Ordinary figures, extremes (tiny and huge, both signs, zero) and anything finite. */
    private static Gen<Double> anyNumber() {
        return Generate.frequency(
                Pair.of(3, doublesBetween(-1000, 1000)),
                Pair.of(3, Generate.pick(List.of(0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, Double.MIN_VALUE,
                        Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, 1e-9, 1e9))),
                Pair.of(1, anyFinite()));
    }

    /**
     * Any finite double: half the time uniform over the whole range (so mostly huge), half the time
     * uniform over bit patterns (so every magnitude, subnormals included), either sign.
     */
    private static Gen<Double> anyFinite() {
        Gen<Double> uniform = doubles().fromZeroToOne().map(u -> (2 * u - 1) * Double.MAX_VALUE);
        Gen<Double> bits = longs().between(0, Double.doubleToRawLongBits(Double.MAX_VALUE))
                .zip(booleans().all(), (b, negative) -> (negative ? -1 : 1) * Double.longBitsToDouble(b));
        return uniform.mix(bits, 50);
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

    /** A numeric target is achieved exactly when its latest figure meets the condition docs/progress-rules.md defines. */
    @Test
    void achievedIffTheLatestFigureMeetsTheTarget() {
        qt().withExamples(3000).forAll(numericCases()).checkAssert(c -> {
            Assessment a = ProgressRules.assess(c.target(), Evidence.of(c.region()).withComparator(c.comparator()));

            assertThat(a.status() == Status.ACHIEVED)
                    .as("%s on %s (comparator %s) gave %s: %s", c.target(), c.region(), c.comparator(), a.status(),
                            a.reason())
                    .isEqualTo(c.met());
        });
    }

    /** A numeric target, unqualified figures up to the target year starting at the baseline year. */
    record NumericCase(TargetTerms target, Series region, Series comparator) {

        /** The target condition, computed from its definition in docs/progress-rules.md. */
        boolean met() {
            TargetTerms t = target;
            Figure latest = region.latest();
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
                case MILESTONE, INCREASE, DECREASE -> throw new IllegalStateException("not numeric");
            };
        }

        /** {@code x ≥ level}, with the documented relative tolerance of 1e-9. */
        private static boolean atLeast(double x, double level) {
            return x - level >= -1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(level)));
        }
    }

    /** The kind, polarity, change unit and the two grid numbers v and w of a numeric case. */
    private record Shape(TargetKind kind, Polarity polarity, ChangeUnit unit, double v, double w) {}

    /** Every numeric kind on a grid of halves, so that figures often land exactly on the target. */
    private static Gen<NumericCase> numericCases() {
        Gen<TargetKind> kinds = Generate.pick(List.of(TargetKind.VALUE, TargetKind.AT_LEAST, TargetKind.AT_MOST,
                TargetKind.RANGE, TargetKind.CHANGE, TargetKind.GROWTH_RATE, TargetKind.MULTIPLE,
                TargetKind.COMPARATOR, TargetKind.COUNT));
        Gen<Double> grid = integersBetween(-400, 400).map(k -> k / 2.0);
        Gen<Double> positive = integersBetween(1, 800).map(k -> k / 2.0);
        Gen<List<Double>> later = lists().of(grid).ofSizeBetween(0, DUE - BASE);
        Gen<Shape> shapes = kinds.zip(Generate.enumValues(Polarity.class), Generate.enumValues(ChangeUnit.class),
                grid, grid, Shape::new);
        return shapes.zip(positive, later, later, (s, b, ys, cs) -> {
            TargetKind kind = s.kind();
            double v = s.v();
            double w = s.w();
            boolean relative = kind == TargetKind.CHANGE || kind == TargetKind.GROWTH_RATE
                    || kind == TargetKind.MULTIPLE;
            double baseline = relative ? b : v - w;
            double value = switch (kind) {
                case MULTIPLE -> Math.abs(v) / 50 + 0.01;
                case GROWTH_RATE, CHANGE -> Math.max(-100, v / 4);
                default -> v;
            };
            TargetTerms t = new TargetTerms(kind, Qualifier.NONE, kind == TargetKind.COMPARATOR ? null : value,
                    kind == TargetKind.RANGE ? value + Math.abs(w) : null,
                    kind == TargetKind.CHANGE ? s.unit() : null, BASE, null, DUE, s.polarity(), null);
            Series region = Series.empty().with(BASE, baseline);
            Series comparator = Series.empty().with(BASE, baseline + w);
            for (int i = 0; i < ys.size(); i++) {
                region = region.with(BASE + 1 + i, ys.get(i) * (relative ? Math.abs(b) / 100 : 1));
                comparator = comparator.with(BASE + 1 + i, i < cs.size() ? cs.get(i) : w);
            }
            return new NumericCase(t, region, comparator);
        });
    }

    // ---- the category never contradicts the direction of the change to the latest figure

    /**
     * Statistics Canada's categories follow the change from the start to the deciding figure (the
     * method's {@code y_0 → y_i}): moving in the wanted direction is never deterioration, moving away
     * always is (unless the target is met), and no change is limited progress. Over every kind with
     * a fixed direction, series of both signs, zeros (replaced by 0.001) and crossings (unassessable,
     * so no category), targets of zero, natural limits, and figures after the target year. Values
     * are multiples of 0.01 or zero: a figure strictly between 0 and 0.001 would sit below the
     * method's substitute for a zero start, and the method itself would grade a rise as a fall.
     */
    @Test
    void theCategoryNeverContradictsTheDirectionOfTheChange() {
        Gen<TargetKind> kinds = Generate.pick(List.of(TargetKind.AT_LEAST, TargetKind.AT_MOST, TargetKind.INCREASE,
                TargetKind.DECREASE, TargetKind.CHANGE, TargetKind.MULTIPLE, TargetKind.VALUE));
        Gen<Double> figures = integersBetween(-20000, 20000).map(k -> k / 100.0);
        Gen<List<Double>> later = lists().of(figures).ofSizeBetween(1, 7);
        Gen<TargetTerms> targets = kinds.zip(figures, Generate.enumValues(Polarity.class), (kind, v, polarity) -> {
            TargetTerms t = switch (kind) {
                case INCREASE -> TargetTerms.increase(BASE, DUE).withLimit(v > 0 ? v : null);
                case DECREASE -> TargetTerms.decrease(BASE, DUE).withLimit(v > 0 ? v : null);
                case CHANGE -> TargetTerms.change(Math.max(-100, v), ChangeUnit.PERCENT, BASE, DUE);
                case MULTIPLE -> TargetTerms.multiple(Math.abs(v) / 50 + 0.01, BASE, DUE);
                case AT_LEAST -> TargetTerms.atLeast(v, BASE, DUE);
                case AT_MOST -> TargetTerms.atMost(v, BASE, DUE);
                default -> TargetTerms.value(v, BASE, DUE);
            };
            return t.withPolarity(polarity);
        });
        qt().withExamples(3000)
                .forAll(targets, figures, later)
                .checkAssert((t, start, ys) -> {
                    Series s = Series.empty().with(BASE, start);
                    for (int i = 0; i < ys.size(); i++) {
                        s = s.with(BASE + 1 + i, ys.get(i));
                    }
                    Assessment a = ProgressRules.assess(t, s);
                    SdgCategory c = a.category();
                    if (c == null || c == SdgCategory.TARGET_ACHIEVED || a.status() == Status.ACHIEVED) {
                        return;
                    }
                    int dir = wanted(t, a);
                    double moved = dir * (a.latest().value() - a.start().value());
                    String what = t + " on " + s + " gave " + c + ": " + a.reason();
                    if (moved > 0) {
                        assertThat(c).as(what).isNotEqualTo(SdgCategory.DETERIORATION);
                    } else if (moved < 0) {
                        assertThat(c).as(what).isEqualTo(SdgCategory.DETERIORATION);
                    } else {
                        assertThat(c).as(what).isIn(SdgCategory.LIMITED_PROGRESS, SdgCategory.ON_TRACK);
                    }
                });
    }

    /** The wanted direction as docs/progress-rules.md defines it for each kind. */
    private static int wanted(TargetTerms t, Assessment a) {
        double v = t.value() == null ? 0 : t.value();
        return switch (t.kind()) {
            case INCREASE, AT_LEAST -> 1;
            case DECREASE, AT_MOST -> -1;
            case CHANGE -> v > 0 ? 1 : v < 0 ? -1 : t.polarity().sign();
            case MULTIPLE -> v > 1 ? 1 : v < 1 ? -1 : t.polarity().sign();
            default -> t.polarity().sign();
        };
    }

    // ---- generators with edge cases

    /**
     * Doubles in [min, max]: uniform, half of them rounded to two decimals (so that ties and round
     * figures occur), and one in ten an edge case: either end, or zero, ±1 or ±0.01 where inside.
     */
    private static Gen<Double> doublesBetween(double min, double max) {
        Gen<Double> uniform = doubles().between(min, max);
        Gen<Double> cents = uniform.map(x -> Math.max(min, Math.min(max, Math.round(x * 100) / 100.0)));
        List<Double> edges = Stream.of(min, max, 0.0, 1.0, -1.0, 0.01, -0.01)
                .filter(e -> e >= min && e <= max).distinct().toList();
        return uniform.mix(cents, 50).mix(Generate.pick(edges), 10);
    }

    /** Integers in [min, max], one in ten an edge case: either end, its neighbour, or 0 or ±1 where inside. */
    private static Gen<Integer> integersBetween(int min, int max) {
        List<Integer> edges = Stream.of(min, min + 1, max - 1, max, 0, 1, -1)
                .filter(e -> e >= min && e <= max).distinct().toList();
        return integers().between(min, max).mix(Generate.pick(edges), 10);
    }

    /** The values of {@code gen}, null in about {@code percent}% of the cases. */
    private static <T> Gen<@Nullable T> nullable(Gen<T> gen, int percent) {
        return gen.toOptionals(percent).map(o -> o.orElse(null));
    }
}
