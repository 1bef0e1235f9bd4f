package dev.lectern.roster.access;

import dev.lectern.auth.OneRosterScope;
import dev.lectern.platform.error.ApiException;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.SqlFragment;
import jakarta.enterprise.context.RequestScoped;
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

  void establish(Set<OneRosterScope> scopes, Optional<List<String>> orgs) {
    this.scopes = scopes.isEmpty() ? EnumSet.noneOf(OneRosterScope.class) : EnumSet.copyOf(scopes);
    this.orgs = orgs.map(List::copyOf);
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
