package dev.lectern.routes;

import java.util.Set;

/** One of the callers every route is tried with, and the table's word for what it is. */
record RouteCaller(String name, String token, Set<String> kinds) {

  /** Whether the table's callers for a route admit this caller. */
  boolean admittedBy(Set<String> admitted) {
    return admitted.contains("anyone") || kinds.stream().anyMatch(admitted::contains);
  }

  boolean anonymous() {
    return token == null;
  }
}
