package org.yardstick.index.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yardstick.index.engine.IndexProblem;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.index.engine.Panel;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * A wide data CSV read into panels: one row per unit and period, one column per indicator, plus
 * the unit, period, group, denominator and label columns the {@link DataLayout} and the tree name.
 * Empty cells and {@code NA} are missing; any other cell must be a decimal number
 * ({@code -12.5}, {@code 3e6}). Periods are ordered numerically when they all are numbers
 * (2015, 2016 …), else as text (2015-Q1 …); units in order of first appearance.
 *
 * @param values the indicator columns, in the tree's order
 * @param denominators the denominator columns the tree names; null when it names none
 */
public record WideData(Panel values, @Nullable Panel denominators) {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** The single period of data without a period column. */
    public static final String NO_PERIOD = "";

    /** Reads the table; throws every problem found. */
    public static WideData read(CsvReader.Table table, DataLayout layout, IndexTree tree) {
        if (layout.isLong()) {
            return readLong(table, layout, tree);
        }
        String source = table.source();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> col = new LinkedHashMap<>();
        long headerLine = table.header().line();
        for (int c = 0; c < table.columnNames().size(); c++) {
            String name = layout.code(table.columnNames().get(c));
            if (col.putIfAbsent(name, c) != null) {
                problems.add(InputProblem.of(source, headerLine, name, name, IndexProblem.DUPLICATE_COLUMN, name));
            }
        }
        List<String> indicators = tree.indicatorCodes();
        List<String> denominators = tree.indicators().stream()
                .map(TreeNode::denominator).filter(d -> d != null).distinct().map(d -> (String) d).toList();
        Set<String> known = new HashSet<>(indicators);
        known.addAll(denominators);
        known.addAll(layout.labels());
        known.add(layout.unitColumn());
        for (String special : new String[] {layout.periodColumn(), layout.groupColumn()}) {
            if (special != null) {
                known.add(special);
                if (!col.containsKey(special)) {
                    problems.add(InputProblem.of(source, headerLine, "", null, IndexProblem.MISSING_COLUMN, special));
                }
            }
        }
        if (!col.containsKey(layout.unitColumn())) {
            problems.add(InputProblem.of(source, headerLine, "", null, IndexProblem.MISSING_COLUMN, layout.unitColumn()));
        }
        for (String name : col.keySet()) {
            if (!known.contains(name)) {
                problems.add(InputProblem.of(source, headerLine, name, name, IndexProblem.UNKNOWN_INDICATOR));
            }
        }
        for (String code : indicators) {
            if (!col.containsKey(code)) {
                problems.add(InputProblem.of(source, headerLine, "", null, IndexProblem.MISSING_INDICATOR, code));
            }
        }
        for (String d : denominators) {
            if (!col.containsKey(d)) {
                problems.add(InputProblem.of(source, headerLine, "", null, IndexProblem.MISSING_COLUMN, d));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (table.rows().isEmpty()) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, IndexProblem.EMPTY_DATA));
        }
        return readRows(table, layout, col, indicators, denominators, problems);
    }

    private static WideData readRows(CsvReader.Table table, DataLayout layout, Map<String, Integer> col,
            List<String> indicators, List<String> denominators, List<InputProblem> problems) {
        String source = table.source();
        int unitCol = col.get(layout.unitColumn());
        Integer periodCol = layout.periodColumn() == null ? null : col.get(layout.periodColumn());
        Integer groupCol = layout.groupColumn() == null ? null : col.get(layout.groupColumn());
        Map<String, Integer> units = new LinkedHashMap<>();
        Set<String> periodSet = new HashSet<>();
        Map<String, String> groups = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r).cells();
            String unit = row.get(unitCol);
            if (unit.isEmpty()) {
                problems.add(InputProblem.of(source, table.rows().get(r).line(), layout.unitColumn(), "",
                        IndexProblem.EMPTY_UNIT));
                continue;
            }
            units.putIfAbsent(unit, units.size());
            periodSet.add(periodCol == null ? NO_PERIOD : row.get(periodCol));
            if (groupCol != null && !row.get(groupCol).isEmpty()) {
                groups.putIfAbsent(unit, row.get(groupCol));
            }
        }
        List<String> periods = orderPeriods(periodSet);
        Map<String, Integer> periodIndex = new HashMap<>();
        for (int p = 0; p < periods.size(); p++) {
            periodIndex.put(periods.get(p), p);
        }
        int n = units.size();
        int cells = n * periods.size();
        double[][] values = new double[indicators.size()][cells];
        double[][] dens = new double[denominators.size()][cells];
        for (double[] v : values) {
            java.util.Arrays.fill(v, Double.NaN);
        }
        for (double[] v : dens) {
            java.util.Arrays.fill(v, Double.NaN);
        }
        long[] rows = new long[cells];
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r).cells();
            long line = table.rows().get(r).line();
            String unit = row.get(unitCol);
            if (unit.isEmpty()) {
                continue;
            }
            String period = periodCol == null ? NO_PERIOD : row.get(periodCol);
            int cell = periodIndex.get(period) * n + units.get(unit);
            if (rows[cell] != 0) {
                problems.add(InputProblem.of(source, line, layout.unitColumn(), unit, IndexProblem.DUPLICATE_ROW,
                        unit, period, Long.toString(rows[cell])));
                continue;
            }
            rows[cell] = line;
            readCells(source, line, row, col, indicators, values, cell, problems);
            readCells(source, line, row, col, denominators, dens, cell, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String[] g = new String[n];
        for (Map.Entry<String, Integer> u : units.entrySet()) {
            g[u.getValue()] = groups.getOrDefault(u.getKey(), "");
        }
        List<String> unitCodes = new ArrayList<>(units.keySet());
        Panel v = Panel.of(source, unitCodes, periods, indicators, values, g, rows);
        Panel d = denominators.isEmpty() ? null : Panel.of(source, unitCodes, periods, denominators, dens, g, rows);
        return new WideData(v, d);
    }

    /**
     * Long data: one row per unit, period and indicator (the indicator's code, or its name mapped by
     * the spec, in the indicator column; its value in the value column). Rows of other indicators
     * are a problem; other columns are ignored.
     */
    private static WideData readLong(CsvReader.Table table, DataLayout layout, IndexTree tree) {
        String source = table.source();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < table.columnNames().size(); c++) {
            col.putIfAbsent(table.columnNames().get(c), c);
        }
        long headerLine = table.header().line();
        List<String> indicators = tree.indicatorCodes();
        List<String> denominators = tree.indicators().stream()
                .map(TreeNode::denominator).filter(d -> d != null).distinct().map(d -> (String) d).toList();
        for (String special : new String[] {layout.unitColumn(), layout.periodColumn(), layout.groupColumn(),
                layout.indicatorColumn(), layout.valueColumn()}) {
            if (special != null && !col.containsKey(special)) {
                problems.add(InputProblem.of(source, headerLine, "", null, IndexProblem.MISSING_COLUMN, special));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (table.rows().isEmpty()) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, IndexProblem.EMPTY_DATA));
        }
        int unitCol = col.get(layout.unitColumn());
        Integer periodCol = layout.periodColumn() == null ? null : col.get(layout.periodColumn());
        Integer groupCol = layout.groupColumn() == null ? null : col.get(layout.groupColumn());
        int indicatorCol = col.get(layout.indicatorColumn());
        int valueCol = col.get(layout.valueColumn());
        Map<String, Integer> indicatorIndex = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            indicatorIndex.put(indicators.get(i), i);
        }
        Map<String, Integer> denominatorIndex = new HashMap<>();
        for (int i = 0; i < denominators.size(); i++) {
            denominatorIndex.put(denominators.get(i), i);
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        Set<String> periodSet = new HashSet<>();
        Map<String, String> groups = new HashMap<>();
        for (CsvReader.Row r : table.rows()) {
            List<String> row = r.cells();
            String unit = row.get(unitCol);
            if (unit.isEmpty()) {
                problems.add(InputProblem.of(source, r.line(), layout.unitColumn(), "", IndexProblem.EMPTY_UNIT));
                continue;
            }
            String code = layout.code(row.get(indicatorCol));
            if (!indicatorIndex.containsKey(code) && !denominatorIndex.containsKey(code)) {
                problems.add(InputProblem.of(source, r.line(), layout.indicatorColumn(), row.get(indicatorCol),
                        IndexProblem.UNKNOWN_INDICATOR));
                continue;
            }
            units.putIfAbsent(unit, units.size());
            periodSet.add(periodCol == null ? NO_PERIOD : row.get(periodCol));
            if (groupCol != null && !row.get(groupCol).isEmpty()) {
                groups.putIfAbsent(unit, row.get(groupCol));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> periods = orderPeriods(periodSet);
        Map<String, Integer> periodIndex = new HashMap<>();
        for (int p = 0; p < periods.size(); p++) {
            periodIndex.put(periods.get(p), p);
        }
        int n = units.size();
        int cells = n * periods.size();
        double[][] values = new double[indicators.size()][cells];
        double[][] dens = new double[denominators.size()][cells];
        long[][] seen = new long[indicators.size() + denominators.size()][cells];
        for (double[] v : values) {
            java.util.Arrays.fill(v, Double.NaN);
        }
        for (double[] v : dens) {
            java.util.Arrays.fill(v, Double.NaN);
        }
        long[] rows = new long[cells];
        for (CsvReader.Row r : table.rows()) {
            List<String> row = r.cells();
            String unit = row.get(unitCol);
            String period = periodCol == null ? NO_PERIOD : row.get(periodCol);
            String code = layout.code(row.get(indicatorCol));
            int cell = periodIndex.get(period) * n + units.get(unit);
            Integer ind = indicatorIndex.get(code);
            int slot = ind != null ? ind : indicators.size() + denominatorIndex.get(code);
            if (seen[slot][cell] != 0) {
                problems.add(InputProblem.of(source, r.line(), layout.indicatorColumn(), row.get(indicatorCol),
                        IndexProblem.DUPLICATE_ROW, unit, period + " / " + code, Long.toString(seen[slot][cell])));
                continue;
            }
            seen[slot][cell] = r.line();
            if (rows[cell] == 0) {
                rows[cell] = r.line();
            }
            double[][] into = ind != null ? values : dens;
            int c = ind != null ? ind : denominatorIndex.get(code);
            String text = row.get(valueCol);
            if (text.isEmpty() || text.equals("NA")) {
                continue;
            }
            if (!NUMBER.matcher(text).matches()) {
                problems.add(InputProblem.of(source, r.line(), layout.valueColumn(), text, IndexProblem.NOT_A_NUMBER));
                continue;
            }
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                problems.add(InputProblem.of(source, r.line(), layout.valueColumn(), text, IndexProblem.NOT_FINITE));
                continue;
            }
            into[c][cell] = v;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String[] g = new String[n];
        for (Map.Entry<String, Integer> u : units.entrySet()) {
            g[u.getValue()] = groups.getOrDefault(u.getKey(), "");
        }
        List<String> unitCodes = new ArrayList<>(units.keySet());
        Panel v = Panel.of(source, unitCodes, periods, indicators, values, g, rows);
        Panel d = denominators.isEmpty() ? null : Panel.of(source, unitCodes, periods, denominators, dens, g, rows);
        return new WideData(v, d);
    }

    private static void readCells(String source, long line, List<String> row, Map<String, Integer> col,
            List<String> codes, double[][] into, int cell, List<InputProblem> problems) {
        for (int c = 0; c < codes.size(); c++) {
            String text = row.get(col.get(codes.get(c)));
            if (text.isEmpty() || text.equals("NA")) {
                continue;
            }
            if (!NUMBER.matcher(text).matches()) {
                problems.add(InputProblem.of(source, line, codes.get(c), text, IndexProblem.NOT_A_NUMBER));
                continue;
            }
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                problems.add(InputProblem.of(source, line, codes.get(c), text, IndexProblem.NOT_FINITE));
                continue;
            }
            into[c][cell] = v;
        }
    }

    private static List<String> orderPeriods(Set<String> periods) {
        List<String> list = new ArrayList<>(periods);
        boolean numeric = list.stream().allMatch(p -> NUMBER.matcher(p).matches());
        if (numeric) {
            list.sort(Comparator.comparing(BigDecimal::new));
        } else {
            list.sort(Comparator.naturalOrder());
        }
        return list;
    }
}
