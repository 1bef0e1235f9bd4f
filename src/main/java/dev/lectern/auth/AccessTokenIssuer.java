package dev.lectern.auth;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.identity.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.ReservedClaimNames;
import org.jose4j.lang.JoseException;

/** Signs access tokens with the active key; MP JWT verifies them against the JWKS by kid. */
@ApplicationScoped
public class AccessTokenIssuer {

  @Inject SigningKeyService signingKeys;
  @Inject AuthConfig config;

  /** A signed token and its lifetime in seconds. */
  public record IssuedToken(String token, long expiresInSeconds) {}

  public IssuedToken issue(PlatformAccount account) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject(account.username());
    claims.setClaim("upn", account.username());
    claims.setStringListClaim("groups", List.copyOf(account.roles()));
    return sign(claims, config.accessTokenLifetime().toSeconds());
  }

  /**
   * A client-credentials token for an API key. Its group ({@link TokenClaims#CLIENT_GROUP}) lets it
   * past the container's constraint on OneRoster paths; what it may read is decided per request
   * from the key, so revoking the key ends the token too.
   */
  public IssuedToken issueForClient(ApiKey key, List<String> scopes) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject(key.clientId());
    claims.setClaim("upn", key.clientId());
    claims.setClaim(TokenClaims.CLIENT_ID, key.clientId());
    claims.setClaim("scope", String.join(" ", scopes));
    claims.setStringListClaim("groups", List.of(TokenClaims.CLIENT_GROUP));
    return sign(claims, config.clientTokenLifetime().toSeconds());
  }

  private IssuedToken sign(JwtClaims claims, long lifetime) {
    Keyring keyring = signingKeys.keyring();
    Keyring.Signer signer =
        keyring
            .signer()
            .orElseThrow(
                () ->
                    new ApiException(
                        503,
                        "signing_unavailable",
                        "Lectern cannot issue tokens right now: " + keyring.problem() + "."));
    claims.setIssuer(config.issuer());
    // A list even with one audience: Liberty's MP JWT reads "aud" as a list first and, for a
    // plain string, throws and catches two exceptions on every request it authenticates.
    claims.setStringListClaim(ReservedClaimNames.AUDIENCE, List.of(config.audience()));
    Instant now = Instant.now();
    claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
    claims.setClaim(TokenClaims.ISSUED_AT_MILLIS, now.toEpochMilli());
    NumericDate expires = NumericDate.fromSeconds(now.getEpochSecond());
    expires.addSeconds(lifetime);
    claims.setExpirationTime(expires);
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(signer.privateKey());
    jws.setKeyIdHeaderValue(signer.kid());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return new IssuedToken(jws.getCompactSerialization(), lifetime);
    } catch (JoseException e) {
      throw new IllegalStateException("Token signing failed", e);
    }
  }
}
