package dev.lectern.roster.access;

import dev.lectern.control.flags.OrgAncestry;
import dev.lectern.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The orgs above an org, walked up {@code parent_sourced_id}: for flags that target a district. */
@ApplicationScoped
public class OrgLineage implements OrgAncestry {

  @Inject Jdbc jdbc;

  @Override
  public List<String> withAncestors(List<String> orgs) {
    Set<String> lineage = new LinkedHashSet<>(orgs);
    lineage.addAll(
        jdbc.withConnection(
            session ->
                session.query(
                    "WITH RECURSIVE up(sourced_id, parent) AS ("
                        + " SELECT sourced_id, parent_sourced_id FROM roster_org"
                        + " WHERE sourced_id = ANY (?)"
                        + " UNION SELECT o.sourced_id, o.parent_sourced_id FROM roster_org o"
                        + " JOIN up ON o.sourced_id = up.parent)"
                        + " SELECT sourced_id FROM up",
                    row -> row.getString(1),
                    session.array("text", orgs))));
    return List.copyOf(lineage);
  }
}
