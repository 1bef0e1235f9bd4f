/**
 * Settings that belong to no single capability: build identity, the production secrets check, and
 * the six-field schedules every persistent timer is configured with.
 */
package dev.lectern.platform.config;
