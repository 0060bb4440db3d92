package org.yardstick.supervision.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Tells a file's type from its content (magic bytes), never from its name or the browser's word:
 * PDF, PNG and JPEG by their signatures; Word and Excel files as ZIP packages holding
 * {@code word/document.xml} or {@code xl/workbook.xml}; text as UTF-8 without control characters.
 * Anything else is unknown.
 */
public final class FileSniffer {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private FileSniffer() {}

    public static Optional<FileType> sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] h = Arrays.copyOf(head, n);
        if (startsWith(h, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(h, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(h, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(h, ZIP)) {
            return office(file);
        }
        return text(file) ? Optional.of(FileType.TXT) : Optional.empty();
    }

    private static Optional<FileType> office(Path file) {
        // reads the central directory only: entry names, no decompression
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null) {
                return Optional.of(FileType.DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Optional.of(FileType.XLSX);
            }
            return Optional.empty();
        } catch (IOException notAZip) {
            return Optional.empty();
        }
    }

    private static boolean text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }
}
