package dev.lectern.auth;

import dev.lectern.platform.console.ConsoleAccounts;
import dev.lectern.platform.console.ConsoleSignIn;
import dev.lectern.platform.error.ApiException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Lectern's accounts for Liberty's adminCenter and /ibm/api: installed into the shared library at
 * start and called by its user registry on Liberty's threads, through a contextual proxy so the
 * calls run with Lectern's class loader and naming context. Only enabled admins and operators exist
 * there. A sign-in goes through {@link SignInService}, so it is throttled per username and audited
 * like the API's; Liberty does not tell a registry the client's address, so every console sign-in
 * counts under one source, {@value #SOURCE}.
 */
@ApplicationScoped
@ActivateRequestContext // Liberty's threads carry no request of Lectern's (rate limits need one)
public class ConsoleSignInHook implements ConsoleSignIn {

  static final String SOURCE = "console";
  private static final Logger LOG = Logger.getLogger(ConsoleSignInHook.class.getName());
  private static final Set<String> CONSOLE_ROLES =
      Set.of(Role.ADMIN.claim(), Role.OPERATOR.claim());

  @Inject SignInService signIn;
  @Inject AccountService accounts;
  @Inject LockdownClock lockdown;
  @Inject ConsoleSignInHook self; // the client proxy, so that the interceptor applies

  @Resource ContextService context;

  private ConsoleSignIn installed;

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    installed = context.createContextualProxy(self, ConsoleSignIn.class);
    ConsoleAccounts.install(installed);
  }

  @PreDestroy
  void remove() {
    ConsoleAccounts.remove(installed);
  }

  @Override
  public Optional<Signed> check(String login, char[] password) {
    try {
      PlatformAccount account = signIn.signIn(login, new String(password), SOURCE);
      Set<String> groups = consoleGroups(account);
      return groups.isEmpty()
          ? Optional.empty()
          : Optional.of(new Signed(account.username(), groups));
    } catch (ApiException refused) {
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Console sign-in could not be checked", e);
      return Optional.empty();
    }
  }

  @Override
  public Set<String> groupsOf(String user) {
    return account(user).map(ConsoleSignInHook::consoleGroups).orElse(Set.of());
  }

  @Override
  public boolean exists(String user) {
    return !groupsOf(user).isEmpty();
  }

  @Override
  public long lockdownEpoch() {
    return lockdown.lastLockdownMillis();
  }

  private Optional<PlatformAccount> account(String user) {
    try {
      return accounts.findByLogin(user).filter(a -> a.username().equalsIgnoreCase(user));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Console account could not be read", e);
      return Optional.empty();
    }
  }

  private static Set<String> consoleGroups(PlatformAccount account) {
    if (!account.enabled()) {
      return Set.of();
    }
    return account.roles().stream().filter(CONSOLE_ROLES::contains).collect(Collectors.toSet());
  }
}
