/**
 * What a table's owner offers the retention sweep: a {@link
 * dev.lectern.platform.retention.RetentionPurge} beside its repository, deleting its old rows
 * through {@link dev.lectern.platform.retention.PurgeBatches} (short transactions, a lock timeout
 * each). The sweep that runs them lives in {@code control.retention}.
 */
package dev.lectern.platform.retention;
