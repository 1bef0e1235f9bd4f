/**
 * Who may read what over OneRoster: OAuth 2.0 client credentials for API keys, the scopes each
 * operation needs, and the org boundary of a key, applied to every query as its own group.
 */
package dev.lectern.roster.access;
