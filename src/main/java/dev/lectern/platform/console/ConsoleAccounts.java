package dev.lectern.platform.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who may sign in to Liberty's own consoles, shared between the application that installs the
 * sign-in hook and the user registry Liberty calls. Until the application installs one (while it
 * starts, or with it stopped) nobody signs in. It also holds the job dispatcher's identity: Lectern
 * starts batch jobs as that identity, never as whoever's request woke the dispatcher, and its
 * password is random per process and never leaves it.
 */
public final class ConsoleAccounts {

  /** The job dispatcher's name: not a platform account name (those have no '$'). */
  public static final String DISPATCHER = "lectern$dispatcher";

  /** The dispatcher's only group, the one allowed to submit batch jobs. */
  public static final String DISPATCHER_GROUP = "lectern-jobs";

  private static final AtomicReference<ConsoleSignIn> CURRENT = new AtomicReference<>();
  private static final char[] DISPATCHER_PASSWORD = randomPassword();

  private ConsoleAccounts() {}

  public static void install(ConsoleSignIn hook) {
    CURRENT.set(hook);
  }

  /** Removes the hook if it is still the one in force (a newer one stays). */
  public static void remove(ConsoleSignIn hook) {
    CURRENT.compareAndSet(hook, null);
  }

  /** The dispatcher's password, for its programmatic login inside this process. */
  public static char[] dispatcherPassword() {
    return DISPATCHER_PASSWORD.clone();
  }

  static ConsoleSignIn current() {
    return CURRENT.get();
  }

  static boolean isDispatcher(String user, char[] password) {
    return DISPATCHER.equals(user)
        && MessageDigest.isEqual(bytes(password), bytes(DISPATCHER_PASSWORD));
  }

  private static byte[] bytes(char[] chars) {
    return new String(chars).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static char[] randomPassword() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random).toCharArray();
  }
}
