/**
 * PostgreSQL access shared by every capability: the Liberty data source and how an outage is
 * recognised, so that it is answered with 503 and reported in readiness rather than as a bug.
 */
package dev.lectern.platform.db;
