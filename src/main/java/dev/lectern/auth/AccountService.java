package dev.lectern.auth;

import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.ClusterLocks;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/** Platform accounts: login checks, creation, and the first admin of a new installation. */
@ApplicationScoped
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
  static final String FIRST_ADMIN = "admin";

  @Inject PlatformAccountRepository accounts;
  @Inject ClusterLocks locks;
  @Inject AuthConfig config;

  private PasswordHasher hasher;
  private String decoyHash;

  @PostConstruct
  void init() {
    hasher = new PasswordHasher(config.passwordHashIterations());
    decoyHash = hasher.hash("decoy-password-never-matches".toCharArray());
  }

  /**
   * The account a password opens, if it is enabled. An unknown login ({@code account} empty) costs
   * the same hashing time as a known one, so response times do not reveal which accounts exist.
   */
  public Optional<PlatformAccount> authenticate(
      Optional<PlatformAccount> account, String password) {
    String stored = account.map(PlatformAccount::passwordHash).orElse(decoyHash);
    boolean matches = hasher.matches(password.toCharArray(), stored);
    return matches ? account.filter(PlatformAccount::enabled) : Optional.empty();
  }

  /** Changes what an admin may change; refuses to leave the installation without an admin. */
  @Transactional
  public PlatformAccount update(UUID id, Optional<Boolean> enabled, Optional<Set<Role>> roles) {
    PlatformAccount account =
        accounts
            .find(id)
            .orElseThrow(() -> new ApiException(404, "not_found", "No account with this id."));
    boolean wasAdmin = account.enabled() && account.roles().contains(Role.ADMIN.claim());
    enabled.ifPresent(account::setEnabled);
    roles.ifPresent(
        r -> {
          if (r.isEmpty()) {
            throw new ApiException(
                422,
                "validation_failed",
                "The account is not valid.",
                List.of(new FieldProblem("roles", "must name at least one role")));
          }
          account.setRoles(r);
        });
    boolean isAdmin = account.enabled() && account.roles().contains(Role.ADMIN.claim());
    if (wasAdmin && !isAdmin && accounts.countOtherEnabledWithRole(Role.ADMIN, id) == 0) {
      throw new ApiException(
          409, "last_admin", "This is the last enabled admin; create another admin first.");
    }
    return account;
  }

  /** Sets a new password (policy-checked) and clears the back-off. */
  @Transactional
  public void changePassword(UUID id, String newPassword) {
    PlatformAccount account = accounts.find(id).orElseThrow();
    PasswordPolicy.problem(account.username(), newPassword)
        .ifPresent(
            p -> {
              throw new ApiException(
                  422,
                  "validation_failed",
                  "The password is not acceptable.",
                  List.of(new FieldProblem("newPassword", p)));
            });
    account.changePassword(hasher.hash(newPassword.toCharArray()));
  }

  /** Refuses every access token the account holds now (signing out everywhere). */
  @Transactional
  public void revokeTokens(UUID id) {
    accounts.find(id).orElseThrow().revokeTokens();
  }

  /** Replaces the password by a random one nobody knows: the owner must reset it. */
  @Transactional
  public void invalidatePassword(UUID id) {
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    accounts
        .find(id)
        .orElseThrow()
        .changePassword(hasher.hash(java.util.HexFormat.of().formatHex(random).toCharArray()));
  }

  @Transactional
  public List<PlatformAccount> list(int offset, int limit) {
    return accounts.findAll(offset, limit);
  }

  @Transactional
  public long count() {
    return accounts.count();
  }

  /** By username or email, for a caller known from its token. */
  @Transactional
  public Optional<PlatformAccount> findByLogin(String login) {
    return accounts.findByLogin(login);
  }

  @Transactional
  public Optional<PlatformAccount> find(UUID id) {
    return accounts.find(id);
  }

  @Transactional
  public PlatformAccount create(String username, String email, String password, Set<Role> roles) {
    List<FieldProblem> problems = new ArrayList<>();
    PasswordPolicy.problem(username, password)
        .ifPresent(p -> problems.add(new FieldProblem("password", p)));
    if (roles.isEmpty()) {
      problems.add(new FieldProblem("roles", "must name at least one role"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "validation_failed", "The account is not valid.", problems);
    }
    if (accounts.findByLogin(username).isPresent()
        || (email != null && accounts.findByLogin(email).isPresent())) {
      throw new ApiException(
          409, "account_exists", "An account with this username or email already exists.");
    }
    PlatformAccount account =
        new PlatformAccount(username, email, hasher.hash(password.toCharArray()), roles);
    accounts.store(account);
    return account;
  }

  /**
   * Creates {@code admin} from {@code LECTERN_ADMIN_PASSWORD} when no admin exists yet. There is no
   * default password: without the variable the server runs and says how to create one.
   */
  @Transactional
  public void createFirstAdmin(@Observes SchemaReady ready) {
    locks.lock(AdvisoryLock.FIRST_ADMIN);
    if (accounts.countWithRole(Role.ADMIN) > 0) {
      return;
    }
    Optional<String> password = config.adminPassword();
    if (password.isEmpty()) {
      LOG.warning(
          "No admin account exists. Set LECTERN_ADMIN_PASSWORD and restart Lectern to create"
              + " the account 'admin'.");
      return;
    }
    Optional<String> problem = PasswordPolicy.problem(FIRST_ADMIN, password.get());
    if (problem.isPresent()) {
      LOG.severe("LECTERN_ADMIN_PASSWORD is refused: it " + problem.get() + ".");
      return;
    }
    accounts.store(
        new PlatformAccount(
            FIRST_ADMIN, null, hasher.hash(password.get().toCharArray()), EnumSet.of(Role.ADMIN)));
    LOG.info("Created the first admin account 'admin' from LECTERN_ADMIN_PASSWORD.");
  }
}
