package org.yardstick.index.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A panel of units × periods × columns (地区 × 年份 × 指标), stored by column: column {@code c} is a
 * {@code double[]} of {@code periods × units} cells, cell {@code p * units + u}, NaN where the value
 * is missing. A cross-section (one period) is the contiguous range {@code [p * units, (p + 1) * units)}.
 *
 * <p>Each unit may carry a group label (e.g. a region's 区域 or an income group) used by group
 * imputation; each cell remembers the row of the input it came from (0 when none), so that a
 * problem found in any stage can name its place in the file. Instances are immutable: the
 * engine's stages return new panels.
 */
public final class Panel {

    private final String source;
    private final List<String> units;
    private final List<String> periods;
    private final List<String> columns;
    private final double[][] values;
    private final String[] groups;
    private final long[] rows;
    private final Map<String, Integer> columnIndex;
    private final Map<String, Integer> unitIndex;

    Panel(String source, List<String> units, List<String> periods, List<String> columns, double[][] values,
            String[] groups, long[] rows) {
        this.source = source;
        this.units = List.copyOf(units);
        this.periods = List.copyOf(periods);
        this.columns = List.copyOf(columns);
        this.values = values;
        this.groups = groups;
        this.rows = rows;
        int cells = this.units.size() * this.periods.size();
        if (values.length != this.columns.size() || groups.length != this.units.size() || rows.length != cells) {
            throw new IllegalArgumentException("panel shape does not match its labels");
        }
        for (double[] v : values) {
            if (v.length != cells) {
                throw new IllegalArgumentException("a column has " + v.length + " cells, expected " + cells);
            }
        }
        this.columnIndex = indexOf(this.columns);
        this.unitIndex = indexOf(this.units);
    }

    /**
     * A panel from the given columns (copied). {@code values[c][p * units + u]}; {@code groups} may be
     * null (no groups) and {@code rows} may be null (no input rows known).
     */
    public static Panel of(String source, List<String> units, List<String> periods, List<String> columns,
            double[][] values, String @Nullable [] groups, long @Nullable [] rows) {
        double[][] copy = new double[values.length][];
        for (int c = 0; c < values.length; c++) {
            copy[c] = values[c].clone();
        }
        String[] g = groups == null ? emptyGroups(units.size()) : groups.clone();
        long[] r = rows == null ? new long[units.size() * periods.size()] : rows.clone();
        return new Panel(source, units, periods, columns, copy, g, r);
    }

    private static String[] emptyGroups(int n) {
        String[] g = new String[n];
        Arrays.fill(g, "");
        return g;
    }

    private static Map<String, Integer> indexOf(List<String> codes) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            m.put(codes.get(i), i);
        }
        return m;
    }

    /** The same units, periods, groups and rows with other columns (taken as they are, not copied). */
    Panel withColumns(List<String> codes, double[][] newValues) {
        return new Panel(source, units, periods, codes, newValues, groups, rows);
    }

    /** The file or label the data came from, used to locate problems. */
    public String source() {
        return source;
    }

    public List<String> units() {
        return units;
    }

    public List<String> periods() {
        return periods;
    }

    /** Column codes (indicator, denominator or aggregate codes). */
    public List<String> columns() {
        return columns;
    }

    public int unitCount() {
        return units.size();
    }

    public int periodCount() {
        return periods.size();
    }

    public int cellCount() {
        return units.size() * periods.size();
    }

    /** Group label of a unit; empty when it has none. */
    public String group(int unit) {
        return groups[unit];
    }

    /** Input row of a cell; 0 when unknown. */
    public long row(int cell) {
        return rows[cell];
    }

    /** Index of a column, or -1. */
    public int columnIndex(String code) {
        Integer i = columnIndex.get(code);
        return i == null ? -1 : i;
    }

    /** Index of a unit, or -1. */
    public int unitIndex(String unit) {
        Integer i = unitIndex.get(unit);
        return i == null ? -1 : i;
    }

    /** The value of a column for a unit in a period; NaN when missing. */
    public double value(int column, int unit, int period) {
        return values[column][period * units.size() + unit];
    }

    /** The value of a column for a unit in a period; NaN when missing or when the column is absent. */
    public double value(String column, String unit, String period) {
        int c = columnIndex(column);
        int u = unitIndex(unit);
        int p = periods.indexOf(period);
        return c < 0 || u < 0 || p < 0 ? Double.NaN : value(c, u, p);
    }

    /** A copy of one column, {@code [p * units + u]}. */
    public double[] column(int column) {
        return values[column].clone();
    }

    /** The column arrays themselves, for the engine's hot loops; callers never write to them. */
    double[][] raw() {
        return values;
    }

    /** A panel of the given units only (by index, in that order), all periods. */
    Panel selectUnits(int[] keep) {
        int n = units.size();
        int m = keep.length;
        int periodsN = periods.size();
        double[][] v = new double[values.length][m * periodsN];
        long[] r = new long[m * periodsN];
        String[] g = new String[m];
        String[] u = new String[m];
        for (int k = 0; k < m; k++) {
            g[k] = groups[keep[k]];
            u[k] = units.get(keep[k]);
            for (int p = 0; p < periodsN; p++) {
                r[p * m + k] = rows[p * n + keep[k]];
                for (int c = 0; c < values.length; c++) {
                    v[c][p * m + k] = values[c][p * n + keep[k]];
                }
            }
        }
        return new Panel(source, List.of(u), periods, columns, v, g, r);
    }
}
