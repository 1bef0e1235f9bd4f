/**
 * Backups that prove themselves (seeds 001 and 003): archives of every application table taken as
 * jobs, verified, listed from the shared backup directory, drilled by restoring into a scratch
 * database, and restored. The archive format itself is in {@code ops.backup.archive}.
 */
package dev.lectern.ops.backup;
