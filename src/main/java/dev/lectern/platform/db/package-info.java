/**
 * PostgreSQL access shared by every capability: the JDBC helper every repository runs its SQL
 * through, the one registry of advisory-lock ids, and how an outage is recognised, so that it is
 * answered with 503 and reported in readiness rather than as a bug.
 */
package dev.lectern.platform.db;
