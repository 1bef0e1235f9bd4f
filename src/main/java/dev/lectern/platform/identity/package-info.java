/**
 * Who is calling, as Lectern's own access tokens say it: an account or an API client, and when the
 * token was issued. Read here, in one place, by every floor that decides on a caller; issued by
 * {@code dev.lectern.auth}.
 */
package dev.lectern.platform.identity;
