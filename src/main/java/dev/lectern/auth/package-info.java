/**
 * Platform accounts (the people who operate Lectern), password hashing, RS256 signing keys with
 * their JWKS, login, and the access rule of the admin API. Roster users are not accounts: they
 * never log in.
 */
package dev.lectern.auth;
