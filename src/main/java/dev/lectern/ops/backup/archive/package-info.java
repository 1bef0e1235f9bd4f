/**
 * The backup archive format (docs/backup-format.md): writing, reading, verifying and loading
 * archives. Plain Java with no container services, so the offline restore ({@code bin/lectern
 * restore}) runs the same code without Liberty.
 */
package dev.lectern.ops.backup.archive;
