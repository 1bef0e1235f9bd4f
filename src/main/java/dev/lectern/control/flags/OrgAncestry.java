package dev.lectern.control.flags;

import java.util.List;

/**
 * The orgs above an org, for rules that name a district to cover its schools. The roster owns the
 * org tree and provides the bean; control only asks.
 */
public interface OrgAncestry {

  /** The orgs and every org above each of them; unknown orgs stand for themselves. */
  List<String> withAncestors(List<String> orgs);
}
