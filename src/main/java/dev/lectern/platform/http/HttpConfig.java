package dev.lectern.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** HTTP edge settings: which browser origins may call the API. */
@ApplicationScoped
public class HttpConfig {

  @Inject
  @ConfigProperty(name = "CORS_ALLOWED_ORIGINS", defaultValue = "")
  Optional<String> corsAllowedOrigins;

  /** Exact origins ({@code https://lms.example.org}) allowed by CORS; empty switches CORS off. */
  public Set<String> corsAllowedOrigins() {
    return corsAllowedOrigins
        .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()))
        .map(origins -> origins.collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }
}
