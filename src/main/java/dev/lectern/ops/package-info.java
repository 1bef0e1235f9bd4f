/**
 * What a district's ops team uses to run Lectern alone: probes, and later backups, modes, flags.
 */
package dev.lectern.ops;
