package dev.lectern.roster.access;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the OneRoster operations whose answers an API key's scopes and org boundary narrow: {@link
 * OneRosterAccessFilter} establishes the caller for them and records each use of a key.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OneRosterScoped {}
