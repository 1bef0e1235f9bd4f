/**
 * The audit log: who did what to what, from where, with which outcome and request id, for security
 * events (logins, throttling, API keys, accounts) and admin actions. A resource method declares its
 * action with {@link dev.lectern.control.audit.Audited}; the row is written once its answer is
 * known. Append-only in the database; old rows are removed only by the retention sweep.
 */
package dev.lectern.control.audit;
