/**
 * OneRoster CSV imports: a package is uploaded, queued as an {@code import} job, streamed into
 * per-job staging tables with COPY, validated whole (row by row while streaming, then with
 * set-based SQL), and applied to the roster in one final transaction, so a package is applied
 * completely or not at all.
 */
package dev.lectern.roster.imports;
