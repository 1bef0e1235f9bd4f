/**
 * Read-only and maintenance modes: stored in PostgreSQL, followed by every replica within a second,
 * enforced at the HTTP edge, shown in health and metrics.
 */
package dev.lectern.control.mode;
