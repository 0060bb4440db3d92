package org.yardstick.observation.imports;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with an imported file as a file: its format, sheets, cells and size. */
public enum ImportProblem implements ProblemKind {
    UNKNOWN_FORMAT("import.unknown-format", "is neither a CSV file nor an Excel workbook (.xlsx)"),
    OLD_EXCEL("import.old-excel", "is an old Excel workbook (.xls); save it as .xlsx (Excel workbook) and upload again"),
    NOT_A_WORKBOOK("import.not-a-workbook", "cannot be read as an Excel workbook: {0}"),
    TOO_MANY_ROWS("import.too-many-rows", "has more than {0} rows; split it into several files"),
    TOO_MANY_PROBLEMS("import.too-many-problems", "has {1} problems in all; only the first {0} are listed"),
    TOO_MANY_COLUMNS("import.too-many-columns", "has more than {0} columns; a figure file has at most {0}: is this the right file?"),
    CELL_TOO_LONG("import.cell-too-long", "holds more than {0} characters in one row or cell; a figure file never does: is this the right file?"),
    STRINGS_TOO_LARGE("import.strings-too-large", "holds more than {0} characters of text (shared strings); a figure template never does: is this the right file?"),
    FORMULA("import.formula", "holds a formula (={0}); formulas are not calculated on import: enter the value itself"),
    ERROR_CELL("import.error-cell", "holds an Excel error value ({0})"),
    DATE_NOT_A_PERIOD("import.date-not-a-period", "is a date ({0}) that is not the first day of a {1}; write the period as text, e.g. {2}"),
    HIDDEN_SHEET("import.hidden-sheet", "is a hidden sheet; hidden data is not imported: unhide the sheet or delete it"),
    EXTRA_SHEET("import.extra-sheet", "holds data, but only the first sheet ({0}) is imported; move the rows there or delete the sheet"),
    MERGED_CELLS("import.merged-cells", "is a range of merged cells; unmerge it and fill in every cell"),
    NO_HEADER("import.no-header", "has a value in a column without a header in row 1"),
    DUPLICATE_FIGURE("import.duplicate-figure", "gives another value ({0}) for the same figure as row {1}");

    private final String key;
    private final String template;

    ImportProblem(String key, String template) {
        this.key = key;
        this.template = template;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String template() {
        return template;
    }
}
