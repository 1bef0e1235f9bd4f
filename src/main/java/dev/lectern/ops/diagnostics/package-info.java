/**
 * What the person on call reads to diagnose the server from outside: the schema's migrations. The
 * services observed stay where they are; this package only reports on them.
 */
package dev.lectern.ops.diagnostics;
