/**
 * Feature flags: Lectern's own OpenFeature provider backed by PostgreSQL (defaults from
 * configuration for the flags the code reads, runtime values and targeting rules in a table), an
 * append-only history of every change, and the admin API. Changes reach every replica through the
 * change feed.
 */
package dev.lectern.control.flags;
