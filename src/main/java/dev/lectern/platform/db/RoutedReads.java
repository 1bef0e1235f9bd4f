package dev.lectern.platform.db;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the {@link Jdbc} whose reads a streaming replica may serve ({@link ReadRouting}): only for
 * reads outside any transaction that must see its own uncommitted writes. Without {@code
 * DB_READ_URL} it is the primary's pool.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER})
public @interface RoutedReads {}
