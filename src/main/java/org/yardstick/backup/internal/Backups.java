package org.yardstick.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yardstick.audit.Changed;
import org.yardstick.database.Database;
import org.yardstick.security.CurrentUser;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Takes and lists backups of the embedded H2 database while the platform runs. The running
 * application holds the H2 file exclusively, so H2's own tools cannot open it from outside; its
 * {@code BACKUP TO} statement, run inside, writes a consistent zip of the database file.
 */
@Service
public class Backups {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Database database;
    private final Path directory;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    Backups(DataSource dataSource, Database database, @Value("${yardstick.backup.directory:./data/backups}") Path directory,
            Clock clock, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.database = database;
        this.directory = directory;
        this.clock = clock;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Whether this database is backed up here (H2 in a file) or not (PostgreSQL: pg_dump; H2 in memory). */
    public boolean supported() {
        return unsupported().isEmpty();
    }

    private Optional<InputProblem> unsupported() {
        if (database.kind() != Database.Kind.H2) {
            return Optional.of(InputProblem.of("backup", 0, "database", database.kind().name(), BackupProblem.NOT_EMBEDDED));
        }
        if (database.inMemory()) {
            return Optional.of(InputProblem.of("backup", 0, "database", "H2 (in memory)", BackupProblem.IN_MEMORY));
        }
        return Optional.empty();
    }

    /** Writes a new backup; platform administrators only. */
    public Backup take() {
        currentUser.requirePlatformAdmin();
        unsupported().ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        Path file = directory.resolve("yardstick-" + NAME.format(clock.instant()) + ".zip").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                throw new InvalidInputException(List.of(InputProblem.of("backup", 0, "file", file.getFileName().toString(),
                        BackupProblem.EXISTS)));
            }
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                // the name is ours (a timestamp under the configured directory); quotes doubled all the same
                s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            var backup = new Backup(file.getFileName().toString(), Files.size(file), clock.instant());
            events.publishEvent(Changed.of("backup", null, backup.file(), "backup.taken", currentUser.name(), "",
                    new Changed.FieldChange("bytes", null, String.valueOf(backup.bytes()))));
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 could not write the backup " + file, e);
        }
    }

    /** The backups in the directory, newest first; platform administrators only. */
    public List<Backup> list() {
        currentUser.requirePlatformAdmin();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Backup> all = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().matches("yardstick-\\d{8}-\\d{6}\\.zip")).forEach(p -> {
                try {
                    all.add(new Backup(p.getFileName().toString(), Files.size(p), Files.getLastModifiedTime(p).toInstant()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            all.sort(Comparator.comparing(Backup::file).reversed());
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of a listed backup, for download; empty for any other name. */
    public Optional<Path> file(String name) {
        return list().stream().filter(b -> b.file().equals(name)).findFirst().map(b -> directory.resolve(b.file()));
    }
}
