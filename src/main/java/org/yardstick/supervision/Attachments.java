package org.yardstick.supervision;

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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;
import org.yardstick.supervision.internal.FileSniffer;

/**
 * Evidence files: stored outside the database under {@code attachmentsDir} with random names, after
 * their size, name and content type (sniffed from the bytes) were checked; removed again if the
 * transaction that records them does not commit. Served only to those who see the item's details.
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
    public record Download(String fileName, String contentType, long size, Path path) {}

    private final SupervisionSettings settings;
    private final JdbcClient jdbc;
    private final Items items;
    private final Access access;

    Attachments(SupervisionSettings settings, JdbcClient jdbc, Items items, Access access) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.items = items;
        this.access = access;
    }

    Path dir() {
        return settings.attachmentsDir().toAbsolutePath().normalize();
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
     * Writes the uploads under random names, checking size and content type; if any is refused, every
     * file written here is removed again and the problems are thrown. The caller must be in a
     * transaction: the files are removed if it does not commit.
     */
    List<Stored> store(List<Upload> uploads) {
        List<Stored> stored = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        try {
            Files.createDirectories(dir());
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(SOURCE, 0, "files", "", Problem.FILE_NOT_STORED));
        }
        for (int i = 0; i < uploads.size(); i++) {
            try {
                store(i, uploads.get(i), problems).ifPresent(stored::add);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not store attachment {}: {}", uploads.get(i).fileName(), e.toString());
                problems.add(InputProblem.of(SOURCE, 0, "files[" + i + "]", uploads.get(i).fileName(), Problem.FILE_NOT_STORED));
            }
        }
        if (!problems.isEmpty()) {
            stored.forEach(s -> delete(s.storedName()));
            throw new InvalidInputException(problems);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        stored.forEach(s -> delete(s.storedName()));
                    }
                }
            });
        }
        return stored;
    }

    private Optional<Stored> store(int index, Upload u, List<InputProblem> problems) throws IOException {
        String field = "files[" + index + "]";
        String name = u.fileName().strip();
        String storedName = UUID.randomUUID().toString().replace("-", "");
        Path target = dir().resolve(storedName).normalize();
        if (!target.getParent().equals(dir())) {
            throw new IllegalStateException("stored name escapes the attachments directory");
        }
        long limit = settings.maxAttachmentSize().toBytes();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        boolean tooLarge = false;
        try (InputStream in = u.content().getInputStream();
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
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
        } catch (IOException | RuntimeException e) {
            delete(storedName);
            throw e;
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
            type = FileSniffer.sniff(target).orElse(null);
            String ext = extension(name);
            if (type == null) {
                refused = Problem.FILE_TYPE_NOT_ALLOWED;
            } else if (!type.extensions().contains(ext)) {
                refused = Problem.FILE_TYPE_MISMATCH;
                args = new Object[] {ext, type.extensions().get(0).toUpperCase(Locale.ROOT)};
            }
        }
        if (refused != null) {
            delete(storedName);
            problems.add(InputProblem.of(SOURCE, 0, field, name, refused, args));
            return Optional.empty();
        }
        return Optional.of(new Stored(name, storedName, type, size, HexFormat.of().formatHex(sha.digest())));
    }

    void delete(String storedName) {
        try {
            Files.deleteIfExists(dir().resolve(storedName));
        } catch (IOException e) {
            LOG.warn("could not remove attachment file {}: {}", storedName, e.toString());
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
        Path path = dir().resolve(r.storedName()).normalize();
        if (!path.getParent().equals(dir()) || !Files.isRegularFile(path)) {
            throw new UncheckedIOException(new IOException("attachment file missing: " + r.storedName()));
        }
        return new Download(r.fileName(), r.contentType(), r.size(), path);
    }

    /**
     * Removes files the database does not know that are older than {@code before}: what a crash between
     * writing a file and committing its report left behind. Returns how many were removed.
     */
    public int sweep(java.time.Instant before) {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        java.util.Set<String> known = new java.util.HashSet<>(
                jdbc.sql("select stored_name from sup_attachment").query(String.class).list());
        int removed = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.matches("[0-9a-f]{32}") && !known.contains(name) && Files.isRegularFile(f)
                        && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("could not sweep {}: {}", dir, e.toString());
        }
        return removed;
    }
}
