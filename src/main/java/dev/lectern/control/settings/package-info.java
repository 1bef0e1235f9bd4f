/**
 * What runtime settings share: the append-only history of their changes ({@code setting_history}),
 * one table for every kind (flags, rate limits), so every change of the control plane is read and
 * kept the same way.
 */
package dev.lectern.control.settings;
