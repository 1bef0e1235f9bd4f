package dev.lectern.auth;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.ratelimit.RateLimitGuard;
import dev.lectern.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides a sign-in. Failures slow their source, never lock an account: they are counted per client
 * address and account ({@code login} tier; a username and its email share one count) and per client
 * address alone ({@code login-source} tier, against password spraying). An unknown name is counted
 * under the name as typed, so every answer, 401 or 429, is the same whether the account exists or
 * not. Each attempt is counted before the password is checked and given back when it succeeds, so
 * concurrent attempts cannot all pass a limit none of them has counted yet.
 */
@ApplicationScoped
public class SignInService {

  private static final Logger LOG = Logger.getLogger(SignInService.class.getName());

  @Inject AccountService accounts;
  @Inject RateLimitGuard rateLimit;
  @Inject AuditService audit;

  /** The account that {@code login} and {@code password} open, or a 401 or 429. */
  public PlatformAccount signIn(String login, String password, String clientAddress) {
    Optional<PlatformAccount> named = accounts.findByLogin(login);
    String perAccount =
        clientAddress
            + "|"
            + named.map(a -> a.id().toString()).orElse(login.strip().toLowerCase(Locale.ROOT));
    try {
      rateLimit.enforce(RateLimitTier.LOGIN_SOURCE, clientAddress);
      try {
        rateLimit.enforce(RateLimitTier.LOGIN, perAccount);
      } catch (ApiException throttled) {
        rateLimit.refund(RateLimitTier.LOGIN_SOURCE, clientAddress);
        throw throttled;
      }
    } catch (ApiException throttled) {
      audit.recordAs(login, "auth.login", "throttled", AuditOutcome.DENIED);
      throw throttled;
    }
    Optional<PlatformAccount> account = accounts.authenticate(named, password);
    if (account.isEmpty()) {
      audit.recordAs(login, "auth.login", null, AuditOutcome.FAILURE);
      LOG.warning(() -> "Login refused for " + printable(login));
      throw new ApiException(401, "invalid_credentials", "The username or password is incorrect.");
    }
    rateLimit.refund(RateLimitTier.LOGIN_SOURCE, clientAddress);
    rateLimit.refund(RateLimitTier.LOGIN, perAccount);
    audit.recordAs(account.get().username(), "auth.login", null, AuditOutcome.SUCCESS);
    LOG.info(() -> "Login of " + printable(account.get().username()));
    return account.get();
  }

  /** A login name as it may appear in a log line: quoted, printable, bounded. */
  static String printable(String login) {
    String visible =
        login
            .codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .limit(64)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return "'" + visible + "'";
  }
}
