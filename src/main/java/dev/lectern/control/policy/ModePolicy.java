package dev.lectern.control.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the operating modes do to a resource method; on a method it replaces its class's. A method
 * that declares none is treated as {@link ModeExposure#SERVICE}, the most restricted exposure.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ModePolicy {
  ModeExposure value();
}
