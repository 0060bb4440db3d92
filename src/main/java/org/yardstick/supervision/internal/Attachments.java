package org.yardstick.supervision.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;
import org.yardstick.supervision.Items;

/**
 * Evidence files: stored with random names in the {@link AttachmentStore} (the database by default, so
 * every instance serves them), after their size, name and content type (sniffed from the bytes) were
 * checked; gone again if the transaction that records them does not commit. Served only to those who
 * see the item's details.
 */
@Service
public class Attachments {

    private static final Logger LOG = LoggerFactory.getLogger(Attachments.class);
    static final String SOURCE = "attachment";

    /** A file as uploaded: the name the browser gave and the bytes. */
    public record Upload(String fileName, InputStreamSource content) {}

    /** A file checked and written, not yet recorded. */
    record Stored(String fileName, String storedName, FileType type, long size, String sha256) {}

    /** A file to serve. */
    public record Download(String fileName, String contentType, long size, byte[] content) {}

    private final SupervisionSettings settings;
    private final JdbcClient jdbc;
    private final Items items;
    private final Access access;
    private final AttachmentStore store;

    Attachments(SupervisionSettings settings, JdbcClient jdbc, Items items, Access access, AttachmentStore store) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.items = items;
        this.access = access;
        this.store = store;
    }

    /** Checks a file's name before anything is written, adding what is wrong. */
    static void checkName(int index, String name, List<InputProblem> problems) {
        String field = "files[" + index + "]";
        if (name.isBlank() || name.length() > 255 || name.contains("/") || name.contains("\\") || name.contains("..")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || name.startsWith(".") || name.contains(":")) {
            problems.add(InputProblem.of(SOURCE, 0, field, name, Problem.FILE_NAME_NOT_ALLOWED));
            return;
        }
        if (FileType.byExtension(extension(name)).isEmpty()) {
            problems.add(InputProblem.of(SOURCE, 0, field, name, Problem.FILE_TYPE_NOT_ALLOWED));
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Stores the uploads under random names, checking size and content type; if any is refused, nothing
     * stays stored and the problems are thrown. The caller must be in a transaction: the bytes go with it
     * ({@link AttachmentStore}).
     */
    List<Stored> store(List<Upload> uploads) {
        List<Stored> stored = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            try {
                store(i, uploads.get(i), problems).ifPresent(stored::add);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not store attachment {}: {}", uploads.get(i).fileName(), e.toString());
                problems.add(InputProblem.of(SOURCE, 0, "files[" + i + "]", uploads.get(i).fileName(), Problem.FILE_NOT_STORED));
            }
        }
        if (!problems.isEmpty()) {
            stored.forEach(s -> store.delete(s.storedName()));
            throw new InvalidInputException(problems);
        }
        return stored;
    }

    /** Reads the upload through a temporary file of this instance (for the size limit and the type sniffing), then stores it. */
    private Optional<Stored> store(int index, Upload u, List<InputProblem> problems) throws IOException {
        String field = "files[" + index + "]";
        String name = u.fileName().strip();
        String storedName = UUID.randomUUID().toString().replace("-", "");
        long limit = settings.maxAttachmentSize().toBytes();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path temp = Files.createTempFile("yardstick-attachment-", ".upload");
        try {
            long size = 0;
            boolean tooLarge = false;
            try (InputStream in = u.content().getInputStream();
                 OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > limit) {
                        tooLarge = true;
                        break;
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Problem refused = null;
            Object[] args = {};
            FileType type = null;
            if (tooLarge) {
                refused = Problem.FILE_TOO_LARGE;
                args = new Object[] {settings.maxAttachmentSize().toMegabytes() + " MB"};
            } else if (size == 0) {
                refused = Problem.FILE_EMPTY;
            } else {
                type = FileSniffer.sniff(temp).orElse(null);
                String ext = extension(name);
                if (type == null) {
                    refused = Problem.FILE_TYPE_NOT_ALLOWED;
                } else if (!type.extensions().contains(ext)) {
                    refused = Problem.FILE_TYPE_MISMATCH;
                    args = new Object[] {ext, type.extensions().get(0).toUpperCase(Locale.ROOT)};
                }
            }
            if (refused != null) {
                problems.add(InputProblem.of(SOURCE, 0, field, name, refused, args));
                return Optional.empty();
            }
            store.put(storedName, Files.readAllBytes(temp));
            return Optional.of(new Stored(name, storedName, type, size, HexFormat.of().formatHex(sha.digest())));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A file to download, if the account sees the details of its item. */
    public Download open(long id) {
        record Row(long itemId, String fileName, String storedName, String contentType, long size) {}
        Row r = jdbc.sql("""
                select r.item_id, a.file_name, a.stored_name, a.content_type, a.size_bytes from sup_attachment a
                join sup_report r on r.id = a.report_id where a.id = ?""")
                .param(id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .optional().orElseThrow(() -> new NotFoundException("attachment", Long.toString(id)));
        access.requireDetails(items.get(r.itemId()));
        byte[] content = store.get(r.storedName())
                .orElseThrow(() -> new UncheckedIOException(new IOException("attachment content missing: " + r.storedName())));
        return new Download(r.fileName(), r.contentType(), r.size(), content);
    }

    /**
     * Removes stored bytes the database does not know that are older than {@code before}: what a crash
     * between storing a file and committing its report left behind. Returns how many were removed.
     */
    public int sweep(java.time.Instant before) {
        return store.sweep(before);
    }
}
