package dev.lectern.control.flags;

import java.util.List;

/**
 * Who a flag is evaluated for. {@code subject} is the stable key a percentage rollout hashes (an
 * account name, an API client id); {@code orgLineage} the caller's orgs with every org above them;
 * {@code role} one of admin, operator, client, anonymous; {@code client} an API client id.
 */
public record FlagContext(String subject, List<String> orgLineage, String role, String client) {

  public FlagContext {
    orgLineage = orgLineage == null ? List.of() : List.copyOf(orgLineage);
  }

  /** A caller nobody knows: only its subject, if any, counts. */
  public static FlagContext anonymous(String subject) {
    return new FlagContext(subject, List.of(), "anonymous", null);
  }

  /** A platform account, by name and role. */
  public static FlagContext account(String name, String role) {
    return new FlagContext(name, List.of(), role, null);
  }
}
