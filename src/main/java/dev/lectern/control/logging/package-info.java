/**
 * Runtime log levels: a logger on a reviewed list raised for an incident on every replica, put back
 * by itself when its time is up, without touching the server's configuration files.
 */
package dev.lectern.control.logging;
