/**
 * Writes to the roster: admin corrections now, CSV imports later, through one service that
 * validates a record against the model and stamps {@code dateLastModified} only when something
 * really changed, so delta consumers never re-sync untouched rows.
 */
package dev.lectern.roster.write;
