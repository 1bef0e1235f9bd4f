package dev.lectern.delivery;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;

/**
 * The patterns of a {@code .dockerignore}, applied as the engine applies them: the last pattern
 * matching a path or one of its parent directories decides, {@code !} sends it after all.
 */
record DockerIgnore(List<String> patterns) {

  static DockerIgnore parse(String text) {
    return new DockerIgnore(
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
  }

  /** Whether a path of the working copy (relative, with {@code /}) stays out of the context. */
  boolean excludes(String path) {
    boolean excluded = false;
    for (String pattern : patterns) {
      boolean include = pattern.startsWith("!");
      String glob = include ? pattern.substring(1) : pattern;
      if (matches(glob, path)) {
        excluded = !include;
      }
    }
    return excluded;
  }

  private static boolean matches(String glob, String path) {
    var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.replaceAll("^/|/$", ""));
    for (Path candidate = Path.of(path); candidate != null; candidate = candidate.getParent()) {
      if (matcher.matches(candidate)) {
        return true;
      }
    }
    return false;
  }
}
