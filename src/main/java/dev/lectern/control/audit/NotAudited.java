package dev.lectern.control.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that changes something and is not {@link Audited} by its route, with the
 * reason: its service writes the row itself because the actor is not the caller (a sign-in attempt
 * names the login it tried), or the change is not worth a row.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotAudited {

  /** Why the route writes no audit row. */
  String value();
}
