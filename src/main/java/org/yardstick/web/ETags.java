package org.yardstick.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Entity tags for API reads (issue 10): a resource with a version is tagged with it ({@code "3"}, the same number a
 * change names in {@code If-Match} or {@code version}), one without by a digest of what it answers. A GET whose
 * {@code If-None-Match} names the current tag is answered 304 without a body.
 */
public final class ETags {

    private ETags() {}

    /** The tag of a version: {@code "3"}. */
    public static String ofVersion(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The tag of a version whose answer also holds what changes without it (a window open today, closed tomorrow):
     * {@code "3-9f86d081"}, the version and a digest of the answer; {@link #version} reads the version back.
     */
    public static String ofVersion(long version, String content) {
        return "\"" + version + "-" + strip(ofContent(content)).substring(0, 8) + "\"";
    }

    /** The tag of content: the first 128 bits of its SHA-256, in hex. */
    public static String ofContent(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an {@code If-None-Match} (or {@code If-Match}) header names this tag; weak tags compare by their value. */
    public static boolean matches(@Nullable String header, String etag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String wanted = strip(etag);
        for (String t : header.split(",")) {
            String tag = t.strip();
            if (tag.equals("*") || strip(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** 304 with the tag when {@code If-None-Match} names it, else the answer {@code ok} with the tag and the body. */
    public static <T> ResponseEntity<T> answer(@Nullable String ifNoneMatch, String etag, ResponseEntity.BodyBuilder ok, T body) {
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ok.eTag(etag).body(body);
    }

    /**
     * The version an {@code If-Match} names: {@code "3"}, {@code W/"3"}, {@code 3} or a tag {@code "3-9f86d081"}.
     *
     * @throws NumberFormatException when it names no number
     */
    public static int version(String ifMatch) {
        String tag = strip(ifMatch.strip());
        int dash = tag.indexOf('-');
        return Integer.parseInt(dash > 0 ? tag.substring(0, dash) : tag);
    }

    private static String strip(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.replace("\"", "").strip();
    }
}
