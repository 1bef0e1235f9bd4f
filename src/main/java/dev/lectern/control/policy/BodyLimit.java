package dev.lectern.control.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method reads, in bytes; on a method it replaces its class's.
 * A method that declares none reads at most {@link #DEFAULT}. Larger bodies are refused with 413
 * before the method runs: by their declared length at once, otherwise as soon as they pass it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BodyLimit {

  /** Enough for any JSON request of the admin API. */
  int DEFAULT = 1024 * 1024;

  /** Enough for a sign-in, a token request or a password reset. */
  int CREDENTIALS = 16 * 1024;

  /** The method bounds its body itself, by a limit an operator configures (imports). */
  int OWN_LIMIT = -1;

  int value();
}
