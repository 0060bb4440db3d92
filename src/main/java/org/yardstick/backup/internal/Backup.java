package org.yardstick.backup.internal;

import java.time.Instant;

/** One backup file: its name (no directory), size and when it was written. */
public record Backup(String file, long bytes, Instant takenAt) implements java.io.Serializable {}
