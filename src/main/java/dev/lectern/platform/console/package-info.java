/**
 * Sign-in to Liberty's own consoles (adminCenter, /ibm/api) with Lectern's accounts: a user
 * registry Liberty loads from the shared library {@code lib/gate} (with ADMIN_CENTER=on) and the
 * hook through which it asks the application, which alone reads the accounts. Nothing here reads a
 * table. It also carries the identity Lectern's job dispatcher starts batch jobs as.
 */
package dev.lectern.platform.console;
