package org.yardstick.supervision.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files under {@code yardstick.supervision.attachments-dir} (one instance only: another instance
 * does not see them), removed again if the transaction that records them does not commit.
 */
@Component
@ConditionalOnProperty(name = "yardstick.supervision.attachment-store", havingValue = "directory")
class DirectoryAttachmentStore implements AttachmentStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAttachmentStore.class);

    private final JdbcClient jdbc;
    private final Path dir;

    DirectoryAttachmentStore(JdbcClient jdbc, SupervisionSettings settings) {
        this.jdbc = jdbc;
        this.dir = settings.attachmentsDir().toAbsolutePath().normalize();
    }

    private Path path(String storedName) {
        Path p = dir.resolve(storedName).normalize();
        if (!p.getParent().equals(dir)) {
            throw new IllegalStateException("stored name escapes the attachments directory");
        }
        return p;
    }

    @Override
    public void put(String storedName, byte[] content) {
        try {
            Files.createDirectories(dir);
            Files.write(path(storedName), content, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            delete(storedName);
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(storedName);
                    }
                }
            });
        }
    }

    @Override
    public Optional<byte[]> get(String storedName) {
        Path p = path(storedName);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String storedName) {
        try {
            Files.deleteIfExists(path(storedName));
        } catch (IOException e) {
            LOG.warn("could not remove attachment file {}: {}", storedName, e.toString());
        }
    }

    @Override
    public int sweep(Instant before) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Set<String> known = new HashSet<>(jdbc.sql("select stored_name from sup_attachment").query(String.class).list());
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
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
