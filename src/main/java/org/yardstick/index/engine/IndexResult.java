package org.yardstick.index.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every stage of one computation of an index, for every unit kept and period: the stage panels
 * (indicators as columns), the outlier treatment's flags and summaries, the units excluded by
 * screening, the aggregates' scores and their ranks.
 */
public final class IndexResult {

    private final IndexTree tree;
    private final IndexMethod method;
    private final Panel denominated;
    private final Screening screening;
    private final Panel imputed;
    private final OutlierTreatment treatment;
    private final Panel normalised;
    private final Panel scores;
    private final int[][] ranks;
    private final ImputationReport imputationReport;
    private final boolean @Nullable [] reference;
    private final boolean @Nullable [] unranked;
    private final boolean[] absent;

    IndexResult(IndexTree tree, IndexMethod method, Panel denominated, Screening screening, Panel imputed,
            OutlierTreatment treatment, Panel normalised, Panel scores, int[][] ranks, ImputationReport imputationReport,
            boolean @Nullable [] reference, boolean @Nullable [] unranked, boolean[] absent) {
        this.absent = absent;
        this.imputationReport = imputationReport;
        this.reference = reference;
        this.unranked = unranked;
        this.tree = tree;
        this.method = method;
        this.denominated = denominated;
        this.screening = screening;
        this.imputed = imputed;
        this.treatment = treatment;
        this.normalised = normalised;
        this.scores = scores;
        this.ranks = ranks;
    }

    public IndexTree tree() {
        return tree;
    }

    public IndexMethod method() {
        return method;
    }

    /** Indicators divided by their denominators, all units (before screening). */
    public Panel denominated() {
        return denominated;
    }

    /** The units excluded by screening. */
    public List<ExcludedUnit> excluded() {
        return screening.excluded();
    }

    public Panel imputed() {
        return imputed;
    }

    public Panel treated() {
        return treatment.treated();
    }

    public OutlierTreatment treatment() {
        return treatment;
    }

    public Panel normalised() {
        return normalised;
    }

    /** Scores of the aggregates (columns in {@link IndexTree#aggregates()} order), units kept. */
    public Panel scores() {
        return scores;
    }

    /**
     * Rank of an aggregate's score among the units of a period: highest score rank 1, ties the
     * smallest rank of the tie (R {@code rank(-x, ties.method = "min")}: 1, 2, 2, 4); 0 when the
     * score is missing.
     */
    public int rank(int aggregate, int unit, int period) {
        return ranks[aggregate][period * scores.unitCount() + unit];
    }

    /** What imputation did in this run: cells filled by each method, cells still missing, units screened out. */
    public ImputationReport imputationReport() {
        return imputationReport;
    }

    /** Whether a unit (index among the units kept) is a reference unit: computed and shown, never ranked. */
    public boolean isReference(int unit) {
        return reference != null && reference[unit];
    }

    /**
     * Whether a unit is ranked in a period: not a reference unit, and it had a row (a value) in the
     * period's input; a unit only imputed there is scored but not ranked.
     */
    public boolean isRanked(int unit, int period) {
        return unranked == null || !unranked[period * scores.unitCount() + unit];
    }

    /**
     * Whether the unit had a row in the period's input (on the platform: any approved figure); the
     * results tables show only such cells.
     */
    public boolean hasRow(int unit, int period) {
        return !absent[period * scores.unitCount() + unit];
    }

    /** A copy of the ranks of an aggregate, cell {@code p * units + u}. */
    public int[] ranks(int aggregate) {
        return ranks[aggregate].clone();
    }
}
