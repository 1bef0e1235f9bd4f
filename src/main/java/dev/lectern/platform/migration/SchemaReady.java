package dev.lectern.platform.migration;

/**
 * CDI event fired once the schema is migrated, so capabilities can create their first rows (the
 * first admin, the first signing key) without racing the migration.
 */
public record SchemaReady(String version) {}
