/**
 * The retention sweep: every {@link dev.lectern.platform.retention.RetentionPurge} the application
 * holds, run nightly once per cluster (a persistent EJB timer) or on request, as one job with its
 * counts per category; and the API that shows what is kept how long.
 */
package dev.lectern.control.retention;
