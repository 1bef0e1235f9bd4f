/**
 * The one pooled Redis client of the application, with short timeouts so a Redis outage costs
 * milliseconds, and a monitor that tells later features (cache, tokens, rate limits) whether to use
 * Redis or their in-memory fallback.
 */
package dev.lectern.platform.redis;
