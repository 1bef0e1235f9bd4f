package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of accounts and tokens. Secrets have no default and are never logged. */
@ApplicationScoped
public class AuthConfig {

  @Inject
  @ConfigProperty(name = "JWT_ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "15")
  long accessTokenMinutes;

  @Inject
  @ConfigProperty(name = "JWT_REFRESH_TOKEN_EXPIRE_DAYS", defaultValue = "14")
  long refreshTokenDays;

  @Inject
  @ConfigProperty(name = "JWT_KEY_PUBLISH_LEAD_SECONDS", defaultValue = "60")
  long keyPublishLeadSeconds;

  @Inject
  @ConfigProperty(name = "ONEROSTER_TOKEN_EXPIRE_MINUTES", defaultValue = "60")
  long clientTokenMinutes;

  @Inject
  @ConfigProperty(name = "LECTERN_JWT_ISSUER", defaultValue = "lectern")
  String issuer;

  @Inject
  @ConfigProperty(name = "LECTERN_MASTER_KEY")
  Optional<String> masterKey;

  @Inject
  @ConfigProperty(name = "LECTERN_MASTER_KEY_PREVIOUS")
  Optional<String> previousMasterKey;

  @Inject
  @ConfigProperty(name = "LECTERN_ADMIN_PASSWORD")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "PASSWORD_HASH_ITERATIONS", defaultValue = "600000")
  int passwordHashIterations;

  @Inject
  @ConfigProperty(name = "API_KEY_USAGE_RETENTION_DAYS", defaultValue = "90")
  int usageRetentionDays;

  @Inject
  @ConfigProperty(name = "API_KEY_RETENTION_DAYS", defaultValue = "365")
  int keyRetentionDays;

  public Duration accessTokenLifetime() {
    return Duration.ofMinutes(Math.max(1, accessTokenMinutes));
  }

  /** Lifetime of a refresh token, renewed by each rotation. */
  public Duration refreshTokenLifetime() {
    return Duration.ofDays(Math.max(1, refreshTokenDays));
  }

  /** How long a new signing key is published before it signs. */
  public Duration keyPublishLead() {
    return Duration.ofSeconds(Math.max(0, keyPublishLeadSeconds));
  }

  /** The longest any token lives, plus a minute of clock skew: how long a retiring key stays. */
  public Duration longestTokenLifetime() {
    Duration longest =
        accessTokenLifetime().compareTo(clientTokenLifetime()) > 0
            ? accessTokenLifetime()
            : clientTokenLifetime();
    return longest.plusMinutes(1);
  }

  /** Lifetime of OneRoster client-credentials tokens. */
  public Duration clientTokenLifetime() {
    return Duration.ofMinutes(Math.max(1, clientTokenMinutes));
  }

  public String issuer() {
    return issuer;
  }

  /** Audience of every access token; the MP JWT configuration in server.xml expects it. */
  public String audience() {
    return "lectern";
  }

  public Optional<String> masterKey() {
    return masterKey.filter(k -> !k.isBlank());
  }

  /** The master key a rotation is moving away from, accepted for reading only. */
  public Optional<String> previousMasterKey() {
    return previousMasterKey.filter(k -> !k.isBlank());
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(p -> !p.isBlank());
  }

  public int passwordHashIterations() {
    return passwordHashIterations;
  }

  /** Days each API call of a key is kept; older calls live on as daily counts. */
  int usageRetentionDays() {
    return Math.max(1, usageRetentionDays);
  }

  /** Days a revoked or expired API key is kept, with its usage. */
  int keyRetentionDays() {
    return Math.max(1, keyRetentionDays);
  }
}
