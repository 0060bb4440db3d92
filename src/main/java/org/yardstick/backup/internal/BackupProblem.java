package org.yardstick.backup.internal;

import org.yardstick.shared.ProblemKind;

/** Why a backup was not taken. */
public enum BackupProblem implements ProblemKind {
    NOT_EMBEDDED("backup.not-embedded", "is backed up with its own tools (PostgreSQL: pg_dump, see docs/operations.md), not by the platform"),
    IN_MEMORY("backup.in-memory", "is an in-memory database: nothing on disk to back up"),
    EXISTS("backup.exists", "already exists: wait a second and take the backup again");

    private final String key;
    private final String template;

    BackupProblem(String key, String template) {
        this.key = key;
        this.template = template;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String template() {
        return template;
    }
}
