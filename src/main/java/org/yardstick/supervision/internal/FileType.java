package org.yardstick.supervision.internal;

import java.util.List;

/** The kinds of evidence file accepted, each with its media type and the extensions it may carry. */
public enum FileType {
    PDF("application/pdf", List.of("pdf")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    TXT("text/plain;charset=UTF-8", List.of("txt"));

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The type whose extensions include this one (lower case, no dot), if any. */
    public static java.util.Optional<FileType> byExtension(String extension) {
        return java.util.Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
    }
}
