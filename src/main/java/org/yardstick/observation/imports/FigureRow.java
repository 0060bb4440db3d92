package org.yardstick.observation.imports;

import org.jspecify.annotations.Nullable;

/**
 * One figure as a file gives it, before any checking: a row of the long-form CSV, or one value cell
 * of the Excel template with its row's region and period.
 *
 * @param row the row in the file (1-based; the header is row 1)
 * @param qualifier the qualifier as written; null when the file has no place for it (Excel), which
 *     keeps a stored figure's qualifier
 * @param comment the comment as written; null when the file has no place for it (Excel), which keeps
 *     a stored figure's comment
 * @param columns how the file names the columns the parts came from, for problems
 * @param breakdown the category the figure is of (分组: {@code urban}); empty for the total
 */
public record FigureRow(long row, String indicator, String region, String period, String value,
                        @Nullable String qualifier, @Nullable String comment, Columns columns, String breakdown) {

    /** A total (no breakdown). */
    public FigureRow(long row, String indicator, String region, String period, String value,
                     @Nullable String qualifier, @Nullable String comment, Columns columns) {
        this(row, indicator, region, period, value, qualifier, comment, columns, "");
    }

    /** The names of the columns (CSV headers as written, or Excel column letters) of each part. */
    public record Columns(String indicator, String region, String period, String value, String qualifier,
                          String comment, String breakdown) {

        public Columns(String indicator, String region, String period, String value, String qualifier, String comment) {
            this(indicator, region, period, value, qualifier, comment, "breakdown");
        }
    }

    /** Whether the file carries qualifier and comment (CSV) or leaves them as stored (Excel). */
    public boolean carriesNotes() {
        return qualifier != null || comment != null;
    }
}
