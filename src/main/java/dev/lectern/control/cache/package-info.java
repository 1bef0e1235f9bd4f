/**
 * The cache facade: Redis shared by every replica, an in-memory fallback while Redis is
 * unreachable, TTL tiers from configuration, and the admin endpoints to inspect and clear it. Only
 * cache keys live under its prefix: tokens and rate-limit buckets are never touched.
 */
package dev.lectern.control.cache;
