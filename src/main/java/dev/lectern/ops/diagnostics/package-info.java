/**
 * What the person on call reads to diagnose the server from outside: the schema's migrations, the
 * database's pools, backends and lock waits (with cancel and terminate). The services observed stay
 * where they are; this package only reports on them and signals PostgreSQL.
 */
package dev.lectern.ops.diagnostics;
