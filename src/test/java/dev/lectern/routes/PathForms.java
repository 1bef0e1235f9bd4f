package dev.lectern.routes;

import java.util.List;
import java.util.Locale;

/** The same route's path written in the ways a probe for a policy gap would write it. */
final class PathForms {

  private PathForms() {}

  /** Forms routing would still match but a reader of the path would not: refused with 400. */
  static List<String> refused(String path) {
    int first = path.indexOf('/', 1);
    String head = first < 0 ? path : path.substring(0, first);
    String tail = first < 0 ? "" : path.substring(first);
    int last = path.lastIndexOf('/');
    return List.of(
        head + ";x=y" + tail,
        path + ";",
        head + ";" + tail,
        head + "%3Bx" + tail,
        last > 0 ? path.substring(0, last) + "%2F" + path.substring(last + 1) : "/%2F" + path,
        last > 0 ? path.substring(0, last) + "%2f" + path.substring(last + 1) : "/%2f" + path);
  }

  /** Forms that are another route or the same one: never more access than the plain path. */
  static List<String> rewritten(String path) {
    int first = path.indexOf('/', 1);
    String changedCase = "/" + path.substring(1, 2).toUpperCase(Locale.ROOT) + path.substring(2);
    return List.of(
        path + "/",
        "/" + path,
        first < 0 ? path + "//" : path.substring(0, first) + "/" + path.substring(first),
        changedCase,
        path.toUpperCase(Locale.ROOT));
  }
}
