package dev.lectern.control.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tier a signed-in account counts against when it calls a resource method; on a method it
 * replaces its class's. API clients always count against {@link RateLimitTier#ONEROSTER} and
 * callers without a token against {@link RateLimitTier#ANONYMOUS}, per client IP.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateTier {
  RateLimitTier value();
}
