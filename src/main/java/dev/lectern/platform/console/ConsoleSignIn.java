package dev.lectern.platform.console;

import java.util.Optional;
import java.util.Set;

/**
 * What the application decides for Liberty's own consoles (adminCenter, /ibm/api): who may sign in
 * and which Lectern groups (role names) they hold. Called on Liberty's threads.
 */
public interface ConsoleSignIn {

  /** The account's security name and groups if the password opens an enabled account. */
  Optional<Signed> check(String login, char[] password);

  /** The groups of an enabled account; empty for an unknown or disabled one. */
  Set<String> groupsOf(String user);

  /** Whether the name is an enabled account (a disabled one no longer exists for Liberty). */
  boolean exists(String user);

  /** When the last lockdown happened (epoch milliseconds), 0 when there was none. */
  long lockdownEpoch();

  /** A successful sign-in: the canonical user name (the login may have been an e-mail). */
  record Signed(String user, Set<String> groups) {}
}
