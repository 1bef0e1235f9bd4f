package dev.lectern.platform.identity;

import jakarta.json.JsonNumber;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The claims of Lectern's access tokens that say who the caller is, written and read by name. */
public final class TokenClaims {

  /** The API key's client id, on client-credentials tokens only. */
  public static final String CLIENT_ID = "client_id";

  /**
   * When the token was issued, to the millisecond. A revocation (lockdown, disabled account,
   * changed password) refuses tokens issued before it; with {@code iat}'s whole seconds alone, a
   * token issued in the revocation's own second, just before it, would survive it.
   */
  public static final String ISSUED_AT_MILLIS = "lectern_iat_ms";

  /** Group of client-credentials tokens. */
  public static final String CLIENT_GROUP = "oneroster-client";

  private TokenClaims() {}

  /** The API key's client id when the principal is a client-credentials token. */
  public static Optional<String> clientIdOf(Principal principal) {
    if (principal instanceof JsonWebToken token
        && token.getClaimNames() != null
        && token.getClaimNames().contains(CLIENT_ID)) {
      return Optional.of(token.getClaim(CLIENT_ID).toString());
    }
    return Optional.empty();
  }

  /** Whether the principal is a client-credentials token in the client group. */
  public static boolean isApiClient(Principal principal) {
    return clientIdOf(principal).isPresent()
        && principal instanceof JsonWebToken token
        && token.getGroups().contains(CLIENT_GROUP);
  }

  /**
   * When the token was issued, in epoch milliseconds. A token without the claim counts from the
   * start of its second: refused rather than spared by a revocation in that second.
   */
  public static long issuedAtMillis(JsonWebToken token) {
    Object millis = token.getClaim(ISSUED_AT_MILLIS);
    if (millis instanceof Number number) {
      return number.longValue();
    }
    if (millis instanceof JsonNumber number) {
      return number.longValue();
    }
    return token.getIssuedAtTime() * 1000;
  }
}
