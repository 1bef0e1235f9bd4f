/**
 * Read-only and maintenance modes (seeds 001 §3.1, 003 §8.1): stored in PostgreSQL, followed by
 * every replica within a second, enforced at the HTTP edge, shown in health and metrics.
 */
package dev.lectern.ops.mode;
