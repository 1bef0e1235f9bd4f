package dev.lectern.control.flags;

import java.util.Collection;
import java.util.List;

/**
 * One targeting rule: the variant served when every condition given holds. Orgs match the context's
 * org or any org above it (a rule naming a district covers its schools); an empty list is no
 * condition. A percentage makes the rule hold for that share of subjects only, by a stable hash.
 */
public record FlagRule(
    String name,
    List<String> orgs,
    List<String> roles,
    List<String> clients,
    Double percentage,
    String variant) {

  public FlagRule {
    orgs = orgs == null ? List.of() : List.copyOf(orgs);
    roles = roles == null ? List.of() : List.copyOf(roles);
    clients = clients == null ? List.of() : List.copyOf(clients);
  }

  /** Whether the conditions other than the percentage hold. */
  boolean targets(FlagContext context) {
    return (orgs.isEmpty() || intersects(orgs, context.orgLineage()))
        && (roles.isEmpty() || (context.role() != null && roles.contains(context.role())))
        && (clients.isEmpty() || (context.client() != null && clients.contains(context.client())));
  }

  private static boolean intersects(List<String> wanted, Collection<String> present) {
    return present.stream().anyMatch(wanted::contains);
  }
}
