package org.yardstick.observation.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.yardstick.observation.internal.ObservationProblem;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Reads figures from the Excel template (.xlsx) with POI's streaming SAX reader: the workbook is
 * never held in memory, only the row being read.
 *
 * <p>The first sheet holds the data: row 1 the column codes ({@code region}, {@code name},
 * {@code period} and one indicator code per column), optionally a row 2 of names (recognised by
 * the word in its region column: 地区代码, Region code …), then one row per region and period.
 * Formulas are refused with the cell named, never calculated; so are error values and merged
 * cells. A date in the period column is read as the period it starts (2025-03-01 in a monthly data
 * set is 2025-03); numbers in value columns are numbers whatever their format, rounded to Excel's 15
 * significant digits. Hidden sheets are refused; other sheets must be empty or be the template's
 * instructions sheet. Plain Java: no database, no Spring.
 */
public final class ExcelFigures {

    /** The largest workbook accepted. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The most rows the data sheet may have (headers included). */
    public static final int MAX_ROWS = 200_000;

    /** The names of the template's instructions sheet, in every language; it is not read. */
    public static final Set<String> INSTRUCTION_SHEETS = Set.of("说明", "Instructions");
    /** What row 1 may call the region, name and period columns. */
    static final Map<String, String> HEADER_WORDS = Map.ofEntries(
            Map.entry("region", "region"), Map.entry("地区", "region"), Map.entry("地区代码", "region"),
            Map.entry("name", "name"), Map.entry("region_name", "name"), Map.entry("地区名称", "name"),
            Map.entry("period", "period"), Map.entry("时期", "period"));
    /** What row 2 (the names row of the template) says in the region column. */
    static final Set<String> NAME_ROW_WORDS = Set.of("地区代码", "region code", "地区", "region");

    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private ExcelFigures() {}

    /**
     * Reads every value cell of the data sheet into {@code sink}, in sheet order.
     *
     * @param periodType the data set's kind of period, to read dates in the period column
     * @param problems where problems of single cells go (the cell is then skipped)
     * @throws InvalidInputException if the workbook cannot be read at all, or its sheets or header are
     *     wrong, or it has too many rows
     */
    public static long read(String source, Path file, Period.Type periodType, Consumer<FigureRow> sink,
                            List<InputProblem> problems) {
        return read(source, file, periodType, sink, (Consumer<InputProblem>) problems::add);
    }

    /** As {@link #read(String, Path, Period.Type, Consumer, List)}, the problems of single cells given to a consumer. */
    public static long read(String source, Path file, Period.Type periodType, Consumer<FigureRow> sink,
                            Consumer<InputProblem> problems) {
        try (OPCPackage pkg = open(source, file)) {
            XSSFReader reader = new XSSFReader(pkg);
            List<SheetRef> sheets = sheets(reader);
            SharedStrings strings = SharedStrings.read(source, pkg);
            StylesTable styles = styles(source, pkg, reader);
            boolean date1904 = sheets.isEmpty() ? false : sheets.get(0).date1904;
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<InputProblem> sheetProblems = new ArrayList<>();
            long figures = 0;
            int index = 0;
            String first = null;
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    boolean hidden = index < sheets.size() && sheets.get(index).hidden;
                    if (hidden) {
                        sheetProblems.add(InputProblem.of(source, 0, name, name, ImportProblem.HIDDEN_SHEET));
                    } else if (first == null) {
                        first = name;
                        DataSheet data = new DataSheet(source, periodType, date1904, sink, problems);
                        parse(in, new SheetHandler(source, strings, styles, date1904, data));
                        data.finish();
                        figures = data.figures;
                        sheetProblems.addAll(data.fatal);
                    } else if (!INSTRUCTION_SHEETS.contains(name)) {
                        EmptyCheck check = new EmptyCheck();
                        try {
                            parse(in, new SheetHandler(source, strings, styles, date1904, check));
                        } catch (Stop stop) {
                            sheetProblems.add(InputProblem.of(source, 0, name, name, ImportProblem.EXTRA_SHEET, first));
                        }
                    }
                }
                index++;
            }
            if (first == null && sheetProblems.isEmpty()) {
                sheetProblems.add(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
            }
            if (!sheetProblems.isEmpty()) {
                throw new InvalidInputException(sheetProblems);
            }
            return figures;
        } catch (InvalidInputException e) {
            throw e;
        } catch (Stop stop) {
            throw new InvalidInputException(stop.problem);
        } catch (Exception e) {
            // POI and the XML parser signal a damaged workbook with many kinds of exception
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, ImportProblem.NOT_A_WORKBOOK,
                    describe(e)));
        }
    }

    /** The most characters of all shared strings together: a template holds codes and names, a few MB at most. */
    static final int MAX_STRING_CHARS = 16 * 1024 * 1024;
    /** The most shared strings. */
    static final int MAX_STRINGS = 1_000_000;
    /** The largest styles part read (it is held in memory by POI). */
    static final long MAX_STYLES_BYTES = 16L * 1024 * 1024;
    /** The most characters of one row of a sheet. */
    static final int MAX_ROW_CHARS = 1024 * 1024;
    /** The most cells of one row (Excel's own limit of columns). */
    static final int MAX_CELLS = 16_384;

    /**
     * The shared strings of a workbook, read with a SAX parser into one character buffer and an
     * array of offsets: memory bounded by {@link #MAX_STRING_CHARS} and {@link #MAX_STRINGS} whatever
     * the part expands to (POI's {@code ReadOnlySharedStringsTable} keeps every string as an object,
     * without a bound, so a part that inflates to gigabytes below the zip-bomb ratio exhausts the
     * heap). Beyond the bounds the workbook is refused.
     */
    static final class SharedStrings {
        private final StringBuilder chars = new StringBuilder();
        private int[] ends = new int[1024];
        private int count;

        static SharedStrings read(String source, OPCPackage pkg) throws Exception {
            SharedStrings strings = new SharedStrings();
            for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
                try (InputStream in = part.getInputStream()) {
                    parse(in, strings.handler(source));
                }
                break;
            }
            return strings;
        }

        String get(int i) {
            if (i < 0 || i >= count) {
                throw new IllegalStateException("the shared string " + i + " does not exist");
            }
            return chars.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
        }

        private DefaultHandler handler(String source) {
            return new DefaultHandler() {
                private boolean inItem;
                private boolean inText;
                private int phonetic;

                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                    switch (local) {
                        case "si" -> inItem = true;
                        case "rPh" -> phonetic++;
                        case "t" -> inText = inItem && phonetic == 0;
                        default -> { }
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (inText) {
                        if (chars.length() + (long) length > MAX_STRING_CHARS) {
                            throw new Stop(InputProblem.of(source, 0, "", null, ImportProblem.STRINGS_TOO_LARGE,
                                    MAX_STRING_CHARS));
                        }
                        chars.append(ch, start, length);
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    switch (local) {
                        case "t" -> inText = false;
                        case "rPh" -> phonetic--;
                        case "si" -> {
                            inItem = false;
                            if (count == MAX_STRINGS) {
                                throw new Stop(InputProblem.of(source, 0, "", null, ImportProblem.STRINGS_TOO_LARGE,
                                        MAX_STRING_CHARS));
                            }
                            if (count == ends.length) {
                                ends = java.util.Arrays.copyOf(ends, Math.min(MAX_STRINGS, count * 2));
                            }
                            ends[count++] = chars.length();
                        }
                        default -> { }
                    }
                }
            };
        }
    }

    /** The styles (to tell dates), refused if the part is larger than POI should hold in memory. */
    private static @Nullable StylesTable styles(String source, OPCPackage pkg, XSSFReader reader) throws Exception {
        for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType())) {
            try (InputStream in = part.getInputStream()) {
                long n = 0;
                byte[] buffer = new byte[1 << 16];
                int r;
                while ((r = in.read(buffer)) > 0) {
                    n += r;
                    if (n > MAX_STYLES_BYTES) {
                        throw new Stop(InputProblem.of(source, 0, "", null, ImportProblem.NOT_A_WORKBOOK,
                                "styles.xml > " + MAX_STYLES_BYTES / 1024 / 1024 + " MB"));
                    }
                }
            }
        }
        return reader.getStylesTable();
    }

    private static OPCPackage open(String source, Path file) throws Exception {
        if (file.toFile().length() > MAX_BYTES) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.TOO_LARGE,
                    MAX_BYTES / 1024 / 1024 + " MB"));
        }
        return OPCPackage.open(file.toFile(), PackageAccess.READ);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private record SheetRef(String name, boolean hidden, boolean date1904) {}

    /** Names, visibility and the date system of the sheets, from workbook.xml. */
    private static List<SheetRef> sheets(XSSFReader reader) throws Exception {
        List<SheetRef> sheets = new ArrayList<>();
        boolean[] date1904 = {false};
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                    if (local.equals("workbookPr")) {
                        String d = a.getValue("date1904");
                        date1904[0] = "1".equals(d) || "true".equalsIgnoreCase(d);
                    } else if (local.equals("sheet")) {
                        String state = a.getValue("state");
                        sheets.add(new SheetRef(String.valueOf(a.getValue("name")),
                                state != null && !state.equals("visible"), date1904[0]));
                    }
                }
            });
        }
        return sheets.stream().map(s -> new SheetRef(s.name(), s.hidden(), date1904[0])).toList();
    }

    private static void parse(InputStream in, DefaultHandler handler) throws Exception {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(in));
        } catch (SAXException e) {
            if (e.getException() instanceof Stop stop) {
                throw stop;
            }
            throw e;
        }
    }

    /** Stops reading a sheet early: too many rows, or (for extra sheets) the first value found. */
    static final class Stop extends RuntimeException {
        final @Nullable InputProblem problem;

        Stop(@Nullable InputProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    /** A cell as the sheet stores it. */
    enum Kind { NUMBER, DATE, TEXT, BOOLEAN, ERROR }

    record Cell(String ref, int column, Kind kind, String text, @Nullable String formula) {}

    /** Receives the rows of a sheet. */
    interface Rows {
        void row(long number, List<Cell> cells);

        default void merged(String range) {}
    }

    /** Refuses a sheet with any value in it. */
    private static final class EmptyCheck implements Rows {
        @Override
        public void row(long number, List<Cell> cells) {
            if (cells.stream().anyMatch(c -> !c.text().isBlank() || c.formula() != null)) {
                throw new Stop(null);
            }
        }
    }

    /** SAX handler of one sheet: rows of cells with their kind, shared strings resolved, formulas kept. */
    private static final class SheetHandler extends DefaultHandler {
        private final SharedStrings strings;
        private final String source;
        private long rowChars;
        private final StylesTable styles;
        private final boolean date1904;
        private final Rows rows;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private List<Cell> cells = new ArrayList<>();
        private long rowNumber;
        private int column = -1;
        private @Nullable String ref;
        private @Nullable String type;
        private @Nullable String style;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private boolean inValue;
        private boolean inFormula;
        private boolean hasFormula;
        private boolean inInline;

        SheetHandler(String source, SharedStrings strings, @Nullable StylesTable styles, boolean date1904, Rows rows) {
            this.source = source;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : parseRow(r);
                    cells = new ArrayList<>();
                    column = -1;
                    rowChars = 0;
                }
                case "c" -> {
                    ref = a.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    if (column < 0 || column > 16_383) {
                        column = 0;
                    }
                    if (ref == null) {
                        ref = CellReference.convertNumToColString(column) + rowNumber;
                    }
                    type = a.getValue("t");
                    style = a.getValue("s");
                    value.setLength(0);
                    formula.setLength(0);
                    hasFormula = false;
                }
                case "v" -> inValue = true;
                case "f" -> {
                    inFormula = true;
                    hasFormula = true;
                }
                case "is" -> inInline = true;
                case "t" -> inValue = inInline;
                case "mergeCell" -> {
                    String range = a.getValue("ref");
                    rows.merged(range == null ? "?" : range);
                }
                default -> { }
            }
        }

        private static long parseRow(String r) {
            try {
                return Long.parseLong(r.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if ((inValue || inFormula) && (rowChars += length) > MAX_ROW_CHARS) {
                throw new Stop(InputProblem.of(source, rowNumber, "", null, ImportProblem.CELL_TOO_LONG, MAX_ROW_CHARS));
            }
            if (inValue && value.length() < 100_000) {
                value.append(ch, start, length);
            } else if (inFormula && formula.length() < 1_000) {
                formula.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "f" -> inFormula = false;
                case "is" -> inInline = false;
                case "c" -> {
                    if (cells.size() >= MAX_CELLS) {
                        throw new Stop(InputProblem.of(source, rowNumber, "", null, ImportProblem.TOO_MANY_COLUMNS,
                                MAX_CELLS));
                    }
                    cells.add(cell());
                }
                case "row" -> rows.row(rowNumber, cells);
                default -> { }
            }
        }

        private Cell cell() {
            String f = hasFormula ? formula.toString() : null;
            String v = value.toString();
            String t = type == null ? "n" : type;
            return switch (t) {
                case "s" -> new Cell(ref, column, Kind.TEXT, shared(v), f);
                case "inlineStr", "str" -> new Cell(ref, column, Kind.TEXT, v, f);
                case "b" -> new Cell(ref, column, Kind.BOOLEAN, "1".equals(v.strip()) ? "TRUE" : "FALSE", f);
                case "e" -> new Cell(ref, column, Kind.ERROR, v, f);
                case "d" -> new Cell(ref, column, Kind.DATE, v.strip(), f);
                default -> new Cell(ref, column, isDate() && !v.isBlank() ? Kind.DATE : Kind.NUMBER, v.strip(), f);
            };
        }

        private String shared(String index) {
            try {
                return strings.get(Integer.parseInt(index.strip()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("the shared string " + index + " does not exist");
            }
        }

        private boolean isDate() {
            if (style == null || style.isBlank()) {
                return false;
            }
            int s;
            try {
                s = Integer.parseInt(style.strip());
            } catch (NumberFormatException e) {
                return false;
            }
            return dateStyles.computeIfAbsent(s, i -> {
                if (styles == null || i < 0 || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle cs = styles.getStyleAt(i);
                return cs != null && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString());
            });
        }
    }

    /** The rows of the data sheet, turned into figures. */
    private static final class DataSheet implements Rows {
        private final String source;
        private final Period.Type periodType;
        private final boolean date1904;
        private final Consumer<FigureRow> sink;
        private final Consumer<InputProblem> problems;
        private boolean anyProblem;
        final List<InputProblem> fatal = new ArrayList<>();
        private final TreeMap<Integer, String> indicators = new TreeMap<>();
        private final Map<Integer, FigureRow.Columns> labels = new HashMap<>();
        private int region = -1;
        private int period = -1;
        private boolean header;
        private long rowsRead;
        long figures;

        DataSheet(String source, Period.Type periodType, boolean date1904, Consumer<FigureRow> sink,
                  Consumer<InputProblem> problems) {
            this.date1904 = date1904;
            this.source = source;
            this.periodType = periodType;
            this.sink = sink;
            this.problems = p -> {
                anyProblem = true;
                problems.accept(p);
            };
        }

        @Override
        public void merged(String range) {
            if (fatal.size() < ProblemList.LIMIT) {
                fatal.add(InputProblem.of(source, firstRow(range), range, range, ImportProblem.MERGED_CELLS));
            }
        }

        private static long firstRow(String range) {
            try {
                return new CellReference(range.split(":")[0]).getRow() + 1L;
            } catch (RuntimeException e) {
                return 0;
            }
        }

        @Override
        public void row(long number, List<Cell> cells) {
            if (++rowsRead > MAX_ROWS) {
                throw new Stop(InputProblem.of(source, number, "", null, ImportProblem.TOO_MANY_ROWS, MAX_ROWS));
            }
            if (!header) {
                if (cells.stream().allMatch(c -> c.text().isBlank() && c.formula() == null)) {
                    return;
                }
                header(number, cells);
                return;
            }
            Cell regionCell = null;
            Cell periodCell = null;
            Map<Integer, Cell> values = new HashMap<>();
            boolean refused = false;
            for (Cell c : cells) {
                if (c.formula() != null) {
                    problems.accept(InputProblem.of(source, number, c.ref(), "=" + c.formula(), ImportProblem.FORMULA,
                            c.formula()));
                    refused = true;
                    continue;
                }
                if (c.kind() == Kind.ERROR) {
                    problems.accept(InputProblem.of(source, number, c.ref(), c.text(), ImportProblem.ERROR_CELL, c.text()));
                    refused = true;
                    continue;
                }
                if (c.column() == region) {
                    regionCell = c;
                } else if (c.column() == period) {
                    periodCell = c;
                } else if (indicators.containsKey(c.column())) {
                    values.put(c.column(), c);
                } else if (!labels.containsKey(c.column()) && !c.text().isBlank() && c.column() != nameColumn) {
                    problems.accept(InputProblem.of(source, number, c.ref(), c.text(), ImportProblem.NO_HEADER));
                }
            }
            String regionCode = regionCell == null ? "" : code(regionCell);
            if (number == headerRow + 1 && NAME_ROW_WORDS.contains(regionCode.toLowerCase(Locale.ROOT))) {
                return; // the template's row of names
            }
            if (refused || values.values().stream().allMatch(c -> c.text().isBlank()) && regionCode.isEmpty()) {
                return;
            }
            String periodCode = periodCell == null ? "" : period(number, periodCell);
            if (periodCode == null) {
                return;
            }
            for (Map.Entry<Integer, String> i : indicators.entrySet()) {
                Cell v = values.get(i.getKey());
                String text = v == null ? "" : v.kind() == Kind.NUMBER || v.kind() == Kind.DATE && isNumber(v.text())
                        ? number(v.text()) : v.kind() == Kind.DATE ? dateSerialOf(v) : v.text();
                sink.accept(new FigureRow(number, i.getValue(), regionCode, periodCode, text, null, null,
                        labels.get(i.getKey())));
                figures++;
            }
        }

        private long headerRow;
        private int nameColumn = -1;

        private void header(long number, List<Cell> cells) {
            header = true;
            headerRow = number;
            for (Cell c : cells) {
                if (c.formula() != null) {
                    fatal.add(InputProblem.of(source, number, c.ref(), "=" + c.formula(), ImportProblem.FORMULA, c.formula()));
                    continue;
                }
                String text = c.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                String part = HEADER_WORDS.get(text.toLowerCase(Locale.ROOT));
                if ("region".equals(part) && region < 0) {
                    region = c.column();
                } else if ("period".equals(part) && period < 0) {
                    period = c.column();
                } else if ("name".equals(part) && nameColumn < 0) {
                    nameColumn = c.column();
                } else if (part != null || indicators.containsValue(text)) {
                    fatal.add(InputProblem.of(source, number, c.ref(), text, FileProblem.DUPLICATE, number));
                } else {
                    indicators.put(c.column(), text);
                }
            }
            String regionLetter = region < 0 ? "A" : CellReference.convertNumToColString(region);
            String periodLetter = period < 0 ? "C" : CellReference.convertNumToColString(period);
            for (Map.Entry<Integer, String> i : indicators.entrySet()) {
                String col = CellReference.convertNumToColString(i.getKey()) + " (" + i.getValue() + ")";
                labels.put(i.getKey(), new FigureRow.Columns(col, regionLetter, periodLetter, col, col, col));
            }
            if (region < 0) {
                fatal.add(InputProblem.of(source, number, "region", null, FileProblem.MISSING_FIELD));
            }
            if (period < 0) {
                fatal.add(InputProblem.of(source, number, "period", null, FileProblem.MISSING_FIELD));
            }
            if (indicators.isEmpty()) {
                fatal.add(InputProblem.of(source, number, "indicator", null, FileProblem.MISSING_FIELD));
            }
            if (!fatal.isEmpty()) {
                throw new InvalidInputException(fatal);
            }
        }

        void finish() {
            if (!header) {
                fatal.add(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
            } else if (figures == 0 && fatal.isEmpty() && !anyProblem) {
                fatal.add(InputProblem.of(source, headerRow, "", null, FileProblem.EMPTY));
            }
        }

        /** A region code: text as written, a whole number without decimals. */
        private static String code(Cell c) {
            if (c.kind() == Kind.NUMBER && isNumber(c.text())) {
                BigDecimal d = new BigDecimal(c.text());
                if (d.signum() >= 0 && d.stripTrailingZeros().scale() <= 0 && d.compareTo(BigDecimal.valueOf(1L << 53)) < 0) {
                    return d.toBigInteger().toString();
                }
            }
            return c.text().strip();
        }

        /** The period of a row: text as written, a whole number as a year, a date as the period it starts. */
        private @Nullable String period(long number, Cell c) {
            if (c.kind() != Kind.DATE) {
                return code(c);
            }
            LocalDate date = date(c);
            if (date == null) {
                problems.accept(InputProblem.of(source, number, c.ref(), c.text(), ObservationProblem.BAD_PERIOD));
                return null;
            }
            String code = switch (periodType) {
                case YEAR -> date.getDayOfYear() == 1 ? Integer.toString(date.getYear()) : null;
                case QUARTER -> date.getDayOfMonth() == 1 && (date.getMonthValue() - 1) % 3 == 0
                        ? date.getYear() + "Q" + ((date.getMonthValue() + 2) / 3) : null;
                case MONTH -> date.getDayOfMonth() == 1 ? String.format("%d-%02d", date.getYear(), date.getMonthValue())
                        : null;
            };
            if (code == null) {
                String example = switch (periodType) {
                    case YEAR -> Integer.toString(date.getYear());
                    case QUARTER -> date.getYear() + "Q" + ((date.getMonthValue() + 2) / 3);
                    case MONTH -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
                };
                problems.accept(InputProblem.of(source, number, c.ref(), date.toString(), ImportProblem.DATE_NOT_A_PERIOD,
                        date, periodType.name().toLowerCase(Locale.ROOT), example));
            }
            return code;
        }

        private static boolean isNumber(String s) {
            if (s.isEmpty() || s.length() > 40) {
                return false;
            }
            try {
                return Double.isFinite(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /** A stored number as a person typed it: Excel keeps 15 significant digits. */
        private static String number(String raw) {
            if (!isNumber(raw)) {
                return raw;
            }
            BigDecimal d = new BigDecimal(raw).round(EXCEL_DIGITS).stripTrailingZeros();
            return d.scale() > 20 || d.precision() - d.scale() > 20 ? d.toString() : d.toPlainString();
        }

        /** The day of a date cell: a serial number in a date format, or an ISO date (t="d"). */
        private @Nullable LocalDate date(Cell c) {
            try {
                if (isNumber(c.text())) {
                    double d = Double.parseDouble(c.text());
                    return DateUtil.isValidExcelDate(d) ? DateUtil.getLocalDateTime(d, date1904).toLocalDate() : null;
                }
                return LocalDate.parse(c.text().length() > 10 ? c.text().substring(0, 10) : c.text());
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** A date typed as a value stays the number Excel stores (days since 1900). */
        private String dateSerialOf(Cell c) {
            LocalDate d = date(c);
            return d == null ? c.text() : number(Double.toString(DateUtil.getExcelDate(d.atStartOfDay(), date1904)));
        }
    }
}
