package org.yardstick.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes uploaded text the way Chinese offices produce it: UTF-8 (with or without a byte-order
 * mark) or GBK (what Excel on a Chinese Windows saves as "CSV"). Strict: a byte sequence that is
 * valid in neither is refused rather than turned into replacement characters.
 */
public final class TextDecoding {

    /** GB18030 is a superset of GBK and decodes every GBK file the same way. */
    private static final Charset GBK = Charset.forName("GB18030");

    private TextDecoding() {}

    /** The decoded text, or empty if the bytes are neither UTF-8 nor GBK. */
    public static Optional<String> decode(byte[] bytes) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        }
        Optional<String> utf8 = strict(StandardCharsets.UTF_8, bytes, offset);
        if (utf8.isPresent() || offset == 3) {
            return utf8;
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)
                && ((bytes[1] & 0xFF) == 0xFE || (bytes[1] & 0xFF) == 0xFF)) {
            // UTF-16 byte-order mark: not a format we accept, and GB18030 would decode it as garbage
            return Optional.empty();
        }
        return strict(GBK, bytes, 0).filter(TextDecoding::looksLikeText);
    }

    /** The bytes as UTF-8 (a byte-order mark is dropped), or empty if they are not valid UTF-8. */
    public static Optional<String> utf8(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return strict(StandardCharsets.UTF_8, bytes, offset);
    }

    private static Optional<String> strict(Charset charset, byte[] bytes, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The encoding of a file, found as {@link #decode} finds it but reading the file as a stream
     * (never the whole of it in memory): UTF-8 (a byte-order mark allowed), or GBK; empty if neither.
     * Read the text then with {@link #reader}.
     */
    public static Optional<Charset> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(3);
        }
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (valid(file, StandardCharsets.UTF_8, false)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (bom || head.length >= 2 && ((head[0] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFF)
                && ((head[1] & 0xFF) == 0xFE || (head[1] & 0xFF) == 0xFF)) {
            return Optional.empty();
        }
        return valid(file, GBK, true) ? Optional.of(GBK) : Optional.empty();
    }

    /** A strict reader of a file in an encoding: a byte sequence invalid in it throws (as an I/O error). */
    public static Reader reader(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), decoder);
    }

    private static boolean valid(Path file, Charset charset, boolean text) throws IOException {
        try (Reader r = reader(file, charset)) {
            char[] chars = new char[1 << 16];
            int n;
            while ((n = r.read(chars)) >= 0) {
                if (text) {
                    for (int i = 0; i < n; i++) {
                        char c = chars[i];
                        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                            return false;
                        }
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** GB18030 decodes almost any byte sequence; refuse results full of control characters. */
    private static boolean looksLikeText(String s) {
        long control = s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
        return control == 0;
    }
}
