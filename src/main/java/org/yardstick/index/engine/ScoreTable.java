package org.yardstick.index.engine;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The results of a run as tables to take away, the same for the batch command, the index page's
 * downloads and the API: every node's score (aggregates: their score; indicators: their normalised
 * value) and rank, per unit and period, at full precision. Only cells whose unit had a row in the
 * period's input are listed; reference units are listed without rank.
 */
public final class ScoreTable {

    private ScoreTable() {}

    /**
     * One node of one unit in one period.
     *
     * @param rank 1 = best; 0 when not ranked (a reference unit, or no score)
     */
    public record Row(String unit, String period, String node, double score, int rank, boolean reference) {}

    /** The nodes in table order: the index, then each level of aggregates below it, then the indicators. */
    public static List<String> nodes(IndexResult result) {
        Panel scores = result.scores();
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < scores.columns().size(); a++) {
            order.add(a);
        }
        order.sort((x, y) -> Integer.compare(result.tree().level(y), result.tree().level(x)));
        List<String> nodes = new ArrayList<>();
        order.forEach(a -> nodes.add(scores.columns().get(a)));
        nodes.addAll(result.normalised().columns());
        return nodes;
    }

    /** Every row, periods in order, units in the data's order, nodes as {@link #nodes}; filters may be null. */
    public static List<Row> rows(IndexResult result, @Nullable String period, @Nullable String node) {
        Panel scores = result.scores();
        Panel normalised = result.normalised();
        int n = scores.unitCount();
        List<String> nodes = nodes(result);
        if (node != null) {
            nodes = nodes.stream().filter(node::equals).toList();
        }
        int[][] aggregateRanks = new int[scores.columns().size()][];
        int[][] indicatorRanks = null;
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < scores.periodCount(); p++) {
            if (period != null && !period.equals(scores.periods().get(p))) {
                continue;
            }
            for (int u = 0; u < n; u++) {
                if (!result.hasRow(u, p)) {
                    continue;
                }
                for (String code : nodes) {
                    int a = scores.columnIndex(code);
                    double score;
                    int rank;
                    if (a >= 0) {
                        score = scores.value(a, u, p);
                        rank = result.rank(a, u, p);
                    } else {
                        if (indicatorRanks == null) {
                            indicatorRanks = IndexEngine.rank(normalised, result.method().rankDecimals(),
                                    unranked(result));
                        }
                        int c = normalised.columnIndex(code);
                        score = normalised.value(c, u, p);
                        rank = indicatorRanks[c][p * n + u];
                    }
                    rows.add(new Row(scores.units().get(u), scores.periods().get(p), code, score, rank,
                            result.isReference(u)));
                }
            }
        }
        return rows;
    }

    private static boolean[] unranked(IndexResult result) {
        Panel scores = result.scores();
        boolean[] mask = new boolean[scores.cellCount()];
        for (int p = 0; p < scores.periodCount(); p++) {
            for (int u = 0; u < scores.unitCount(); u++) {
                mask[p * scores.unitCount() + u] = !result.isRanked(u, p);
            }
        }
        return mask;
    }

    /** The long table: header {@code unit, period, node, score, rank, reference}, one line per row. */
    public static List<List<String>> longTable(List<Row> rows, String unitHeader, String periodHeader) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(unitHeader, periodHeader, "node", "score", "rank", "reference"));
        for (Row r : rows) {
            table.add(List.of(r.unit(), r.period(), r.node(), Decimals.format(r.score()),
                    r.rank() == 0 ? "" : Integer.toString(r.rank()), r.reference() ? "1" : "0"));
        }
        return table;
    }

    /** The wide table: one line per unit and period, each node's score then its {@code _rank}. */
    public static List<List<String>> wideTable(List<Row> rows, List<String> nodes, String unitHeader,
            @Nullable String periodHeader) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(unitHeader);
        if (periodHeader != null) {
            header.add(periodHeader);
        }
        for (String node : nodes) {
            header.add(node);
            header.add(node + "_rank");
        }
        table.add(header);
        List<String> line = null;
        String at = null;
        for (Row r : rows) {
            String key = r.unit() + "\u0000" + r.period();
            if (!key.equals(at)) {
                at = key;
                line = new ArrayList<>();
                line.add(r.unit());
                if (periodHeader != null) {
                    line.add(r.period());
                }
                table.add(line);
            }
            line.add(Decimals.format(r.score()));
            line.add(r.rank() == 0 ? "" : Integer.toString(r.rank()));
        }
        return table;
    }

    /** A table as CSV (RFC 4180, {@code \n} line ends), with a UTF-8 byte-order mark for Excel when asked. */
    public static String csv(List<List<String>> table, boolean bom) {
        StringBuilder s = new StringBuilder();
        if (bom) {
            s.append('\uFEFF');
        }
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                s.append(quote(row.get(i)));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
