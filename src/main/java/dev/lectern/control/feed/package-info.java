/**
 * The change feed: how a runtime setting changed on one replica (the mode, maintenance windows and
 * what follows them) reaches every other one. One table of topic versions in PostgreSQL, a NOTIFY
 * on commit that wakes the listeners at once, and a poll of the versions as the fallback; Redis
 * plays no part.
 */
package dev.lectern.control.feed;
