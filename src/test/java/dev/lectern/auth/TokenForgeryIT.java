package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.ReservedClaimNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged and stale tokens are refused. The test signs with Lectern's own active key (decrypted with
 * the master key, as only a server could), so the one token it builds correctly is accepted: the
 * refusals are about what was changed, not about how the test builds tokens.
 */
class TokenForgeryIT {

  private static final Http HTTP = Http.lectern();
  private static final String ADMIN_API = "/api/v1/admin/users";
  private static String kid;
  private static PrivateKey activeKey;

  @BeforeAll
  static void readTheActiveKey() throws Exception {
    try (Connection db = Sql.lecternDatabase();
        Statement sql = db.createStatement();
        ResultSet row =
            sql.executeQuery(
                "SELECT kid, private_key_enc FROM signing_key WHERE state = 'active'")) {
      row.next();
      kid = row.getString(1);
      byte[] pkcs8 =
          new MasterKeyCipher(TestEnvironment.masterKey(), SigningKeyService.PURPOSE)
              .decrypt(row.getBytes(2));
      activeKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
  }

  @Test
  void shouldAcceptATokenBuiltLikeLecternBuildsThem() throws Exception {
    assertThat(HTTP.get(ADMIN_API, sign(claims(300), activeKey, kid)).status()).isEqualTo(200);
  }

  @Test
  void shouldIssueTheAudienceAsAList() {
    String payload = HTTP.adminToken().split("\\.")[1];
    JsonObject claims;
    try (JsonReader reader =
        jakarta.json.Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))) {
      claims = reader.readObject();
    }
    assertThat(claims.get("aud").getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
    assertThat(claims.getJsonArray("aud").getString(0)).isEqualTo("lectern");
  }

  @Test
  void shouldAcceptATokenWithTheAudienceAsOneString() throws Exception {
    // As Lectern issued them before: such tokens stay valid until they expire.
    JwtClaims claims = claims(300);
    claims.setAudience("lectern");
    assertThat(HTTP.get(ADMIN_API, sign(claims, activeKey, kid)).status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseAnExpiredToken() throws Exception {
    // Expired ten minutes ago: beyond any clock skew allowance.
    assertThat(HTTP.get(ADMIN_API, sign(claims(-600), activeKey, kid)).status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseATokenExpiredAMinuteAgoBeyondTheThirtySecondSkew() throws Exception {
    // MP JWT's default skew of five minutes would still accept it.
    assertThat(HTTP.get(ADMIN_API, sign(claims(-60), activeKey, kid)).status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseATokenSignedByAnotherKeyUnderTheActiveKid() throws Exception {
    PrivateKey stranger = RsaJwkGenerator.generateJwk(2048).getPrivateKey();
    assertThat(HTTP.get(ADMIN_API, sign(claims(300), stranger, kid)).status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseAnUnsignedToken() throws Exception {
    String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
    String token = header + "." + encode(claims(300).toJson()) + ".";
    assertThat(HTTP.get(ADMIN_API, token).status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseATamperedToken() throws Exception {
    JwtClaims operator = claims(300);
    operator.setStringListClaim("groups", List.of("operator"));
    String[] parts = sign(operator, activeKey, kid).split("\\.");
    JwtClaims promoted = claims(300);
    String tampered = parts[0] + "." + encode(promoted.toJson()) + "." + parts[2];
    assertThat(HTTP.get(ADMIN_API, tampered).status()).isEqualTo(401);
  }

  private static JwtClaims claims(int expiresInSeconds) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("lectern");
    claims.setStringListClaim(ReservedClaimNames.AUDIENCE, List.of("lectern"));
    claims.setSubject("admin");
    claims.setClaim("upn", "admin");
    claims.setStringListClaim("groups", List.of("admin"));
    NumericDate issued = NumericDate.now();
    issued.addSeconds(Math.min(0, expiresInSeconds) - 60);
    claims.setIssuedAt(issued);
    NumericDate expires = NumericDate.now();
    expires.addSeconds(expiresInSeconds);
    claims.setExpirationTime(expires);
    claims.setGeneratedJwtId();
    return claims;
  }

  private static String sign(JwtClaims claims, PrivateKey key, String keyId) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setKeyIdHeaderValue(keyId);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    return jws.getCompactSerialization();
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
