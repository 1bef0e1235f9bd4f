/**
 * The top floor: operations over the whole system, which a district's ops team runs Lectern with:
 * health and readiness, backups, restores and drills. It may use every floor below it.
 */
package dev.lectern.ops;
