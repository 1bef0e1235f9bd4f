/**
 * Access rules: networks denied on every path the server answers, kept in PostgreSQL, followed
 * through the change feed and handed to the network gate that Liberty runs in front of every web
 * module.
 */
package dev.lectern.control.access;
