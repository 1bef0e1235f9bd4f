package dev.lectern.control.policy;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/** Reads a declared policy from the resource method routing matched, falling back to its class. */
public final class RoutePolicies {

  private RoutePolicies() {}

  /**
   * The policy of the matched method, or of its class; empty when neither declares it or nothing
   * matched (JAX-RS then answers 404, 405 or an automatic OPTIONS itself).
   */
  public static <A extends Annotation> Optional<A> declared(ResourceInfo route, Class<A> policy) {
    Method method = route == null ? null : route.getResourceMethod();
    if (method == null) {
      return Optional.empty();
    }
    A onMethod = method.getAnnotation(policy);
    if (onMethod != null) {
      return Optional.of(onMethod);
    }
    return Optional.ofNullable(route.getResourceClass().getAnnotation(policy));
  }

  /** Whether the matched method's {@link Access} names {@code caller}; false when it names none. */
  public static boolean admits(ResourceInfo route, Caller caller) {
    return declared(route, Access.class)
        .map(a -> List.of(a.value()).contains(caller))
        .orElse(false);
  }

  /** Whether routing matched a resource method at all. */
  public static boolean matched(ResourceInfo route) {
    return route != null && route.getResourceMethod() != null;
  }
}
