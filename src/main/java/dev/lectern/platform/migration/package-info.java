/**
 * Flyway schema migrations, applied at startup and retried in the background until the database
 * answers, so the server stays live and reports the reason in readiness instead of dying; and the
 * start-up work that needs the schema, retried the same way ({@link
 * dev.lectern.platform.migration.StartupTasks}).
 */
package dev.lectern.platform.migration;
