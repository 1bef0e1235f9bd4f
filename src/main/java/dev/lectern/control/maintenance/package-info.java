/**
 * Maintenance windows planned ahead: announced to clients during their notice period, started and
 * ended on time by persistent timers (once per cluster, whichever replica is up), and carried out
 * through the operating mode.
 */
package dev.lectern.control.maintenance;
