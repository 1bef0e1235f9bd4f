/**
 * Traces: the span of the request or job a thread is working for, its ids in log records and
 * responses, spans of Lectern's own statements and jobs, and a quiet log when the collector is
 * gone. Liberty's MicroProfile Telemetry makes the request spans and exports everything; all of it
 * costs nothing while {@code OTEL_SDK_DISABLED} is true.
 */
package dev.lectern.platform.telemetry;
