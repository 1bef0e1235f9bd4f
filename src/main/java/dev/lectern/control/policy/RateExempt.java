package dev.lectern.control.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that no per-caller tier limits, with the reason: probes and the JWKS must
 * always answer orchestrators and replicas, and signing in applies its own tier keyed by the
 * username it is sent.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateExempt {
  /** Why the method is not limited per caller. */
  String value();
}
