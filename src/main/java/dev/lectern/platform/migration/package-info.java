/**
 * Flyway schema migrations, applied at startup and retried in the background until the database
 * answers, so the server stays live and reports the reason in readiness instead of dying.
 */
package dev.lectern.platform.migration;
