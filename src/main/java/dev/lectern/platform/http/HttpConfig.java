package dev.lectern.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** HTTP edge settings: which browser origins may call the API, which proxies to believe. */
@ApplicationScoped
public class HttpConfig {

  @Inject
  @ConfigProperty(name = "CORS_ALLOWED_ORIGINS", defaultValue = "")
  Optional<String> corsAllowedOrigins;

  @Inject
  @ConfigProperty(name = "TRUSTED_PROXIES", defaultValue = "")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "LECTERN_PUBLIC_URL", defaultValue = "")
  Optional<String> publicUrl;

  private volatile TrustedProxies parsedProxies;

  /**
   * The proxies whose {@code X-Forwarded-For} is believed; none by default.
   *
   * @throws IllegalStateException naming {@code TRUSTED_PROXIES} when an entry does not parse
   */
  public TrustedProxies trustedProxies() {
    if (parsedProxies == null) {
      try {
        parsedProxies = TrustedProxies.parse(trustedProxies.orElse(""));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("TRUSTED_PROXIES: " + e.getMessage(), e);
      }
    }
    return parsedProxies;
  }

  /**
   * The address clients reach Lectern at ({@code https://lectern.district.example/}), ending with a
   * slash; empty when unset or not an absolute http(s) URL without query or fragment (production
   * refuses to start then).
   */
  public Optional<String> publicUrl() {
    return publicUrl.flatMap(PublicUrls::normalized);
  }

  /** Exact origins ({@code https://lms.example.org}) allowed by CORS; empty switches CORS off. */
  public Set<String> corsAllowedOrigins() {
    return corsAllowedOrigins
        .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()))
        .map(origins -> origins.collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }
}
