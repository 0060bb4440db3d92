package org.yardstick.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.yardstick.index.analysis.UncertaintyAnalysis;
import org.yardstick.index.analysis.UncertaintyResult;
import org.yardstick.index.analysis.UncertaintySettings;
import org.yardstick.index.engine.IndexEngine;
import org.yardstick.index.engine.IndexMethod;
import org.yardstick.index.engine.IndexResult;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.observation.Observations;
import org.yardstick.observation.Observations.ApprovedLevel;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Computes an index over the platform's indicators for every region of its level within its scope
 * and every period, from the approved figures only (two queries: the regions, then all the figures
 * in one). Results are computed on request and kept under the definition's text and a stamp of the
 * approved figures and regions, so a newly approved or revised figure shows at once.
 *
 * <p>Each leaf of the tree is the indicator of the same code; a leaf's denominator is an indicator
 * too. The regions' parents are their groups, for group-mean and group-median imputation.
 */
@Service
public class IndexResults {

    private static final int CACHED = 32;

    private record Key(String yaml, Observations.Stamp stamp, long regions) {}

    private final Observations observations;
    private final Regions regions;
    private final Map<Key, ComputedIndex> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ComputedIndex> eldest) {
            return size() > CACHED;
        }
    };

    /** Rank intervals by result (held as long as the result is) and period: a few hundred runs each. */
    private final Map<IndexResult, Map<String, UncertaintyResult>> intervals =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** How many times the approved figures were said to change ({@code OnFiguresStatusChanged}). */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    IndexResults(Observations observations, Regions regions) {
        this.observations = observations;
        this.regions = regions;
    }

    /**
     * Drops every cached result: approved figures changed (an approval or a reopening, after its commit).
     * The stamp stays the guard for what publishes no event: figures loaded from files, another instance.
     */
    void forget() {
        synchronized (cache) {
            changes.incrementAndGet();
            cache.clear();
        }
        intervals.clear();
    }

    /** How many times {@link #forget()} ran (for tests). */
    long forgotten() {
        return changes.get();
    }

    /** The index computed from the approved figures as they are now. */
    public ComputedIndex compute(IndexDefinition definition) {
        List<String> codes = dataCodes(definition.spec().tree());
        Observations.Stamp stamp = observations.approvedStamp(codes);
        Key key = new Key(definition.yaml(), stamp, regions.count());
        synchronized (cache) {
            ComputedIndex cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ComputedIndex computed = computeNow(definition, codes, stamp);
        synchronized (cache) {
            cache.put(key, computed);
        }
        return computed;
    }

    /**
     * The uncertainty of the index's ranks in a period: Monte Carlo runs with every weight varied
     * within ± {@code weightNoise}, the definition's normalisation and aggregation kept; computed
     * once per result and period.
     */
    public UncertaintyResult uncertainty(ComputedIndex computed, String period, int samples, long seed,
            double weightNoise) {
        IndexResult result = computed.result();
        if (result == null) {
            throw new IllegalArgumentException("index " + computed.definition().code() + " was not computed");
        }
        IndexMethod m = result.method();
        String key = period + "/" + samples + "/" + seed + "/" + weightNoise;
        return intervals.computeIfAbsent(result, r -> new ConcurrentHashMap<>()).computeIfAbsent(key,
                k -> UncertaintyAnalysis.run(result, result.tree().root().code(), period, new UncertaintySettings(
                        samples, seed, weightNoise, List.of(m.normalisation()), List.of(m.aggregation()))));
    }

    /** The indicators whose approved figures go in: the leaves and their denominators. */
    static List<String> dataCodes(IndexTree tree) {
        Set<String> codes = new LinkedHashSet<>(tree.indicatorCodes());
        tree.indicators().stream().map(TreeNode::denominator).filter(d -> d != null).forEach(codes::add);
        return List.copyOf(codes);
    }

    private ComputedIndex computeNow(IndexDefinition definition, List<String> codes, Observations.Stamp stamp) {
        IndexCoverage coverage = definition.coverage();
        IndexTree tree = definition.spec().tree();
        if (!tree.computable()) {
            return failed(definition, List.of(), List.of(), problemsOf(tree::requireComputable), stamp);
        }
        Optional<Region> scope = regions.find(coverage.scopeCode());
        if (scope.isEmpty()) {
            return failed(definition, List.of(), List.of(), List.of(InputProblem.of(definition.code(), 0,
                    "regions.scope", coverage.scopeCode(), IndexDefinitionProblem.UNKNOWN_REGION,
                    coverage.scopeCode())), stamp);
        }
        List<Region> units = new ArrayList<>(regions.within(scope.get(), coverage.level()));
        List<ApprovedLevel> levels = new ArrayList<>(observations.approvedLevels(codes, scope.get(), coverage.level(),
                coverage.periodCodes()));
        // reference units (全国, the province itself …): computed and shown, never ranked; a region
        // outside the index's units comes in with its own approved figures
        List<InputProblem> unknown = new ArrayList<>();
        for (String ref : definition.spec().method().referenceUnits()) {
            if (units.stream().anyMatch(u -> u.code().equals(ref))) {
                continue;
            }
            Optional<Region> region = regions.find(ref);
            if (region.isEmpty()) {
                unknown.add(InputProblem.of(definition.code(), 0, "method.reference.units", ref,
                        IndexDefinitionProblem.UNKNOWN_REGION, ref));
                continue;
            }
            units.add(region.get());
            levels.addAll(observations.approvedLevels(codes, region.get(), region.get().level(), coverage.periodCodes()));
        }
        if (!unknown.isEmpty()) {
            return failed(definition, List.of(), List.of(), unknown, stamp);
        }
        List<String> periods = coverage.periods().isEmpty() ? periodsOf(levels) : coverage.periodCodes();
        String source = definition.code();
        Panel data = panel(source, units, periods, codes, levels);
        boolean denominated = tree.indicators().stream().anyMatch(n -> n.denominator() != null);
        try {
            IndexResult result = IndexEngine.compute(tree, definition.spec().method(), data, denominated ? data : null);
            return new ComputedIndex(definition, units, periods, result, List.of(), levels.size(), stamp);
        } catch (InvalidInputException e) {
            return failed(definition, units, periods, e.problems(), stamp);
        }
    }

    private static ComputedIndex failed(IndexDefinition definition, List<Region> units, List<String> periods,
            List<InputProblem> problems, Observations.Stamp stamp) {
        return new ComputedIndex(definition, units, periods, null, problems, 0, stamp);
    }

    private static List<InputProblem> problemsOf(Runnable check) {
        List<InputProblem> problems = new ArrayList<>();
        InvalidInputException.collect(problems, check);
        return problems;
    }

    private static List<String> periodsOf(List<ApprovedLevel> levels) {
        return levels.stream().map(ApprovedLevel::period).distinct()
                .map(p -> Period.parse(p).orElseThrow()).sorted().map(Period::code).toList();
    }

    /**
     * The panel of the units × periods × indicators (columns named by indicator code), missing
     * where no approved figure is; each unit's group is its parent region.
     */
    static Panel panel(String source, List<Region> units, List<String> periods, List<String> codes,
            List<ApprovedLevel> levels) {
        Map<String, Integer> unit = new HashMap<>();
        for (int u = 0; u < units.size(); u++) {
            unit.put(units.get(u).code(), u);
        }
        Map<String, Integer> period = new HashMap<>();
        for (int p = 0; p < periods.size(); p++) {
            period.put(periods.get(p), p);
        }
        Map<String, Integer> column = new HashMap<>();
        for (int c = 0; c < codes.size(); c++) {
            column.put(codes.get(c), c);
        }
        int n = units.size();
        double[][] values = new double[codes.size()][n * periods.size()];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        for (ApprovedLevel l : levels) {
            Integer u = unit.get(l.regionCode());
            Integer p = period.get(l.period());
            Integer c = column.get(l.indicatorCode());
            if (u != null && p != null && c != null) {
                values[c][p * n + u] = l.value();
            }
        }
        String[] groups = new String[n];
        for (int u = 0; u < n; u++) {
            List<String> ancestors = units.get(u).ancestorCodes();
            groups[u] = ancestors.isEmpty() ? "" : ancestors.get(ancestors.size() - 1);
        }
        return Panel.of(source, units.stream().map(Region::code).toList(), periods, codes, values, groups, null);
    }
}
