/** The backups themselves (`Backups`, `Backup`, `BackupProblem`): used by this module's pages and API only. */
@org.jspecify.annotations.NullMarked
package org.yardstick.backup.internal;
