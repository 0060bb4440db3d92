/**
 * Backups of the embedded database while it runs (在线备份): a platform administrator takes one from the
 * page or the API; H2 writes a consistent zip of its file with {@code BACKUP TO}. On PostgreSQL the
 * platform refuses and names {@code pg_dump}, which is the right tool there (docs/operations.md).
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.backup;
