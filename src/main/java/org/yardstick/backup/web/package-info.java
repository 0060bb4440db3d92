/** The backups page for the platform's administrator and its API ({@code /api/v1/backups}). */
@org.jspecify.annotations.NullMarked
package org.yardstick.backup.web;
