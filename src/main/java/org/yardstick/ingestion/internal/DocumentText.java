package org.yardstick.ingestion.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.TextDecoding;

/**
 * The text of an uploaded document, by what its bytes are (not its name): PDF (PDFBox, text layer
 * only), Word 2007+ (.docx, POI XWPF), Word 97–2003 (.doc, POI HWPF), or text in UTF-8 or
 * GBK/GB18030 ({@link TextDecoding}). Anything else is refused with a problem naming the file.
 */
public final class DocumentText {

    /** Uploads above this are refused before they are parsed. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** Text above this many characters is refused (the largest seed is 86 000 characters). */
    public static final int MAX_CHARS = 3_000_000;

    private DocumentText() {}

    public static String read(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw problem(name, IngestionProblem.TOO_LARGE, MAX_BYTES / (1024 * 1024));
        }
        if (bytes.length == 0) {
            throw problem(name, IngestionProblem.EMPTY);
        }
        String text;
        FileMagic magic = magic(bytes);
        if (magic == FileMagic.PDF) {
            text = pdf(name, bytes);
        } else if (magic == FileMagic.OOXML) {
            text = docx(name, bytes);
        } else if (magic == FileMagic.OLE2) {
            text = doc(name, bytes);
        } else {
            text = plain(name, bytes);
        }
        return checked(name, text);
    }

    /** Pasted text: the same checks as a file's text. */
    public static String checked(String name, String text) {
        if (text.length() > MAX_CHARS) {
            throw problem(name, IngestionProblem.TOO_LONG, MAX_CHARS);
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        if (t.codePoints().noneMatch(c -> Character.isLetterOrDigit(c))) {
            throw problem(name, IngestionProblem.EMPTY);
        }
        return t;
    }

    private static FileMagic magic(byte[] bytes) {
        try {
            return FileMagic.valueOf(bytes);
        } catch (RuntimeException e) {
            return FileMagic.UNKNOWN;
        }
    }

    private static String plain(String name, byte[] bytes) {
        Optional<String> text = TextDecoding.decode(bytes);
        if (text.isEmpty()) {
            long control = 0;
            int n = Math.min(bytes.length, 4096);
            for (int i = 0; i < n; i++) {
                int b = bytes[i] & 0xFF;
                if (b < 0x09 || b > 0x0D && b < 0x20) {
                    control++;
                }
            }
            throw problem(name, control > n / 20 ? IngestionProblem.BINARY : IngestionProblem.ENCODING);
        }
        String t = text.get();
        long controls = t.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        if (controls > 0 && controls * 20 > t.length()) {
            throw problem(name, IngestionProblem.BINARY); // valid UTF-8, but no one writes a plan in control characters
        }
        return t;
    }

    private static String pdf(String name, byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(pdf);
            if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw problem(name, IngestionProblem.NO_TEXT_LAYER);
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw problem(name, IngestionProblem.ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw problem(name, IngestionProblem.UNREADABLE, "PDF");
        }
    }

    private static String docx(String name, byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (EncryptedDocumentException e) {
            throw problem(name, IngestionProblem.ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            throw problem(name, IngestionProblem.UNREADABLE, "Word (.docx)");
        }
    }

    private static String doc(String name, byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo")) {
                throw problem(name, IngestionProblem.ENCRYPTED); // a .docx with a password is an OLE2 file
            }
            try (HWPFDocument doc = new HWPFDocument(fs); WordExtractor extractor = new WordExtractor(doc)) {
                return extractor.getText();
            }
        } catch (EncryptedDocumentException e) {
            throw problem(name, IngestionProblem.ENCRYPTED);
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw problem(name, IngestionProblem.UNREADABLE, "Word (.doc)");
        }
    }

    static InvalidInputException problem(String name, IngestionProblem kind, Object... args) {
        return new InvalidInputException(InputProblem.of(name, 0, "", null, kind, args));
    }

    /** The lower-case extension of a file name, for messages. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
