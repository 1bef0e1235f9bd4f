package dev.lectern.roster.access;

import dev.lectern.auth.OneRosterScope;
import dev.lectern.control.flags.FlagContext;
import dev.lectern.platform.error.ApiException;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.SqlFragment;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller of the current OneRoster request, as established by {@link OneRosterAccessFilter}: the
 * scopes it holds and, for an API key bound to orgs, the orgs (with their descendants) whose
 * records it may see.
 */
@RequestScoped
public class OneRosterCaller {

  private Set<OneRosterScope> scopes = EnumSet.noneOf(OneRosterScope.class);
  private Optional<List<String>> orgs = Optional.empty();

  @Inject OrgLineage lineage;

  /** For an API client: its id and the orgs its key is bound to (none: the whole district). */
  private String clientId;

  private List<String> boundOrgs = List.of();

  void establish(Set<OneRosterScope> scopes, Optional<List<String>> orgs) {
    this.scopes = scopes.isEmpty() ? EnumSet.noneOf(OneRosterScope.class) : EnumSet.copyOf(scopes);
    this.orgs = orgs.map(List::copyOf);
  }

  void establishClient(String clientId, List<String> boundOrgs) {
    this.clientId = clientId;
    this.boundOrgs = List.copyOf(boundOrgs);
  }

  /**
   * The API client's flag context (its id, role client, its orgs and every org above them), read
   * only when a flag is asked; empty for admins and operators reading for support.
   */
  public Optional<FlagContext> client() {
    if (clientId == null) {
      return Optional.empty();
    }
    List<String> orgs = boundOrgs.isEmpty() ? List.of() : lineage.withAncestors(boundOrgs);
    return Optional.of(new FlagContext(clientId, orgs, "client", clientId));
  }

  /** Passes when the caller holds one of the scopes; 403 {@code forbidden} otherwise. */
  public void requireAny(OneRosterScope... anyOf) {
    for (OneRosterScope scope : anyOf) {
      if (scopes.contains(scope)) {
        return;
      }
    }
    throw new ApiException(403, "forbidden", "The token's scopes do not allow this operation.");
  }

  /**
   * The condition that keeps a query inside the caller's orgs, or empty for a caller that sees the
   * whole district. It is ANDed with everything else as its own group.
   */
  public Optional<SqlFragment> boundary(RosterType type) {
    return orgs.map(list -> OrgBoundary.condition(type, list.toArray(String[]::new)));
  }
}
