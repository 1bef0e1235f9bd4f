package dev.lectern.control.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The action a resource method performs, written to the audit log once its answer is known ({@link
 * AuditedRouteFilter}): by the caller, against the target the method names in its {@link
 * AuditTrail} (by default the route's path parameters), with the outcome its status gives (a
 * signed-in caller refused with 403 is {@code denied}, any other error {@code failure}). Requests
 * refused before anyone is known (401) or by the rate limits (429) leave no row: anyone can send
 * those, so they would let anyone fill the log; the access log and the metrics count them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

  /** The action as the audit log names it, such as {@code backup.delete}. */
  String value();
}
