/**
 * Rate limits by tier: which tier and key a request counts against, Bucket4j buckets shared by
 * every replica through Redis with per-server buckets while Redis is away, and the IETF {@code
 * RateLimit-Policy} / {@code RateLimit} headers.
 */
package dev.lectern.control.ratelimit;
