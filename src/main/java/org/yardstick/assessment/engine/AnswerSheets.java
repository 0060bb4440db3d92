package org.yardstick.assessment.engine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.TextDecoding;

/**
 * The rows of a bulk answer file (企业自评估批量导入): the first sheet of an Excel workbook (.xlsx), read with POI's
 * streaming SAX reader so the workbook is never held whole, or a CSV file in UTF-8 or GBK. Each row is its cells
 * as text, by column, with its line (the Excel row number, or the CSV line). Plain Java.
 */
public final class AnswerSheets {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The most rows (all rows, headers included). */
    public static final int MAX_ROWS = 20_000;
    private static final int MAX_COLUMNS = 2_000;

    /** One row of the file. */
    public record Row(long line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private AnswerSheets() {}

    /** The rows of a file, an .xlsx workbook (recognised by its content) or else CSV text. */
    public static List<Row> read(String source, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.TOO_LARGE,
                    MAX_BYTES / (1024 * 1024) + " MB"));
        }
        if (bytes.length == 0) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
        }
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return zip ? excel(source, bytes) : csv(source, bytes);
    }

    private static List<Row> csv(String source, byte[] bytes) {
        String text = TextDecoding.decode(bytes).orElseThrow(() -> new InvalidInputException(
                InputProblem.of(source, 0, "", null, FileProblem.BAD_ENCODING)));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvReader csv = CsvReader.of(source, text);
        List<Row> rows = new ArrayList<>();
        while (csv.hasNext()) {
            CsvReader.Row r = csv.next();
            tooMany(source, rows.size() + 1);
            rows.add(new Row(r.line(), r.cells()));
        }
        return rows;
    }

    private static void tooMany(String source, int rows) {
        if (rows > MAX_ROWS) {
            throw new InvalidInputException(InputProblem.of(source, MAX_ROWS + 1L, "", null, FileProblem.TOO_LARGE,
                    MAX_ROWS + " rows"));
        }
    }

    private static List<Row> excel(String source, byte[] bytes) {
        List<Row> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.EMPTY));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new XSSFSheetXMLHandler.SheetContentsHandler() {
                            private List<String> cells = new ArrayList<>();

                            @Override
                            public void startRow(int rowNum) {
                                cells = new ArrayList<>();
                            }

                            @Override
                            public void endRow(int rowNum) {
                                tooMany(source, rows.size() + 1);
                                rows.add(new Row(rowNum + 1L, cells));
                            }

                            @Override
                            public void cell(String ref, String value, XSSFComment comment) {
                                int column = new CellReference(ref).getCol();
                                if (column >= MAX_COLUMNS) {
                                    return;
                                }
                                while (cells.size() < column) {
                                    cells.add("");
                                }
                                cells.add(value == null ? "" : value);
                            }
                        }, new DataFormatter(java.util.Locale.ROOT), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            // POI and the XML parser signal a damaged workbook with many kinds of exception
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.SYNTAX,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        return rows;
    }
}
