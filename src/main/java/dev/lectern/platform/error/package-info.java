/**
 * The one error shape of the platform API, {@code {"error":{"code","message","requestId",
 * "details"}}}, and the mappers that turn every failure into it. No stack trace, class name or SQL
 * text ever leaves the server: unexpected failures are logged with the request id instead.
 */
package dev.lectern.platform.error;
