package dev.lectern.auth;

import dev.lectern.platform.config.Sha256;
import dev.lectern.platform.db.SqlTimes;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.mail.MailService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Password reset by mail: a single-use token valid for 30 minutes, stored only as its SHA-256.
 * Setting the new password ends every session of the account.
 */
@ApplicationScoped
public class PasswordResetService {

  private static final Logger LOG = Logger.getLogger(PasswordResetService.class.getName());
  static final Duration VALIDITY = Duration.ofMinutes(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Inject PlatformAccountRepository accounts;
  @Inject AccountService accountService;
  @Inject RefreshTokenService sessions;
  @Inject MailService mail;

  /**
   * Mails a reset token to the account with this username or email, if there is one that can
   * receive it; says nothing either way, so no one learns which accounts exist.
   */
  @Transactional
  public void request(String login, String confirmUrl) {
    accounts
        .findByLogin(login)
        .filter(a -> a.enabled() && a.email() != null)
        .ifPresent(account -> mailToken(account, confirmUrl));
  }

  /** What a forced reset did: whose password, and whether a token could be mailed. */
  public record ForcedReset(String username, boolean mailed) {}

  /**
   * An administrator's forced reset, all or nothing: the password stops working (and with it every
   * token issued before) and a reset token is stored in one transaction; the account's sessions end
   * and the token is mailed to its address, when it has one.
   *
   * @throws ApiException 404 when there is no such account
   */
  @Transactional
  public ForcedReset force(UUID accountId, String confirmUrl) {
    PlatformAccount account =
        accounts
            .find(accountId)
            .orElseThrow(() -> new ApiException(404, "not_found", "No account with this id."));
    accountService.invalidatePassword(accountId);
    boolean mailed = account.email() != null;
    if (mailed) {
      mailToken(account, confirmUrl);
    }
    endSessions(accountId);
    return new ForcedReset(account.username(), mailed);
  }

  /**
   * Sets the new password if the token is valid and unused, and ends every session.
   *
   * @return the account's username
   * @throws ApiException 400 {@code invalid_token}, or 422 when the password breaks the policy
   */
  @Transactional
  public String confirm(String token, String newPassword) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT account_id, expires_at FROM password_reset WHERE token_hash = ?1 AND"
                    + " used_at IS NULL FOR UPDATE")
            .setParameter(1, Sha256.hex(token))
            .getResultList();
    if (rows.isEmpty() || !SqlTimes.instant(rows.get(0)[1]).isAfter(Instant.now())) {
      throw new ApiException(
          400, "invalid_token", "The reset token is unknown, used or expired; ask for a new one.");
    }
    UUID accountId = (UUID) rows.get(0)[0];
    accountService.changePassword(accountId, newPassword);
    em.createNativeQuery("UPDATE password_reset SET used_at = now() WHERE account_id = ?1")
        .setParameter(1, accountId)
        .executeUpdate();
    endSessions(accountId);
    return accounts.find(accountId).map(PlatformAccount::username).orElse("?");
  }

  /** Ends the account's sessions; with Redis down they end when it is back (login is enough). */
  void endSessions(UUID accountId) {
    try {
      sessions.endAll(accountId);
    } catch (ApiException e) {
      LOG.warning("Sessions of an account could not be ended now: Redis is unreachable.");
    }
  }

  private void mailToken(PlatformAccount account, String confirmUrl) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    em.createNativeQuery(
            "INSERT INTO password_reset (token_hash, account_id, expires_at) VALUES (?1, ?2, ?3)")
        .setParameter(1, Sha256.hex(token))
        .setParameter(2, account.id())
        .setParameter(3, Timestamp.from(Instant.now().plus(VALIDITY)))
        .executeUpdate();
    mail.send(
        account.email(),
        "Lectern password reset",
        "Someone asked to reset the password of the Lectern account "
            + account.username()
            + ".\n\nReset token (valid for 30 minutes, once):\n\n"
            + token
            + "\n\nSend it with your new password:\n\n  POST "
            + confirmUrl
            + "\n  {\"token\": \"<the token>\", \"newPassword\": \"<at least 12 characters>\"}\n\n"
            + "If you did not ask for this, ignore this mail; your password stays as it is.\n");
  }
}
