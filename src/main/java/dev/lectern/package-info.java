/**
 * Lectern: the rostering system of record with the OneRoster 1.2 API and the operations a
 * district's ops team needs to run it alone. Each subpackage is one capability that owns its
 * tables, REST resources, services and configuration keys.
 */
package dev.lectern;
