package dev.lectern.auth;

import java.util.Optional;

/** The OneRoster 1.2 rostering scopes, requested and issued as their full URIs. */
public enum OneRosterScope {
  ROSTER_CORE("roster-core.readonly"),
  ROSTER("roster.readonly"),
  DEMOGRAPHICS("roster-demographics.readonly");

  private static final String PREFIX = "https://purl.imsglobal.org/spec/or/v1p2/scope/";

  private final String uri;

  OneRosterScope(String suffix) {
    this.uri = PREFIX + suffix;
  }

  public String uri() {
    return uri;
  }

  public static Optional<OneRosterScope> fromUri(String uri) {
    for (OneRosterScope scope : values()) {
      if (scope.uri.equals(uri)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
