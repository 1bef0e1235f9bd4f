/**
 * Test harness for integration tests: the running Lectern under test, an HTTP client with JSON
 * helpers, extra Lectern servers (cluster tests), and private PostgreSQL and Redis instances on
 * free ports for fault tests, so the machine's shared services are never stopped.
 */
package dev.lectern.testing;
