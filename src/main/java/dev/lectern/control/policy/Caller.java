package dev.lectern.control.policy;

/** A kind of caller a resource method may admit, as read from the bearer token. */
public enum Caller {
  /** Anyone, with or without a token: probes, discovery, signing in. */
  ANYONE,
  /** Any signed-in platform account, whatever its roles; never an API client. */
  ACCOUNT,
  /** A platform account with the {@code admin} role. */
  ADMIN,
  /** A platform account with the {@code operator} role: reads the admin API, changes nothing. */
  OPERATOR,
  /** A OneRoster API client (client-credentials token), judged further by its key. */
  API_CLIENT
}
