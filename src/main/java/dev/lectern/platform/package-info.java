/**
 * Cross-cutting plumbing every capability stands on: request ids, the error shape, security
 * headers, the database and Redis connections, schema migrations and runtime configuration. Nothing
 * here knows about rostering or accounts.
 */
package dev.lectern.platform;
