package dev.lectern.control.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method; on a method it replaces its class's. A method that declares no
 * access admits nobody, so forgetting this annotation closes a route instead of opening it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {
  Caller[] value();
}
