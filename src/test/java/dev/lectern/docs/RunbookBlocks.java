package dev.lectern.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fenced {@code bash} blocks of a Markdown runbook and the allowlist of blocks that
 * cannot run in a test. A block states what its output must contain with {@code # expect:} lines.
 */
final class RunbookBlocks {

  private static final String EXPECT = "# expect:";
  private static final String DESTRUCTIVE = "# destructive:";

  private RunbookBlocks() {}

  /** One block: where it is, its script, and the texts its output must contain. */
  record Block(String heading, int line, String script, List<String> expects) {

    String firstLine() {
      return script
          .lines()
          .filter(l -> !l.isBlank() && !l.strip().startsWith(DESTRUCTIVE))
          .findFirst()
          .orElse("")
          .strip();
    }

    /**
     * A block marked {@code # destructive: <what it does>} changes the server for everyone (a
     * lockdown, a restore): the test runs it against a throwaway server and database.
     */
    boolean destructive() {
      return script.lines().anyMatch(l -> l.strip().startsWith(DESTRUCTIVE));
    }

    @Override
    public String toString() {
      return "line " + line + " (" + heading + "): " + firstLine();
    }
  }

  static List<Block> parse(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String heading = "";
    StringBuilder script = null;
    List<String> expects = null;
    int start = 0;
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (script == null) {
        if (line.startsWith("#")) {
          heading = line.replaceFirst("^#+\\s*", "").strip();
        } else if (line.strip().equals("```bash")) {
          script = new StringBuilder();
          expects = new ArrayList<>();
          start = i + 1;
        }
      } else if (line.strip().equals("```")) {
        blocks.add(new Block(heading, start, script.toString(), List.copyOf(expects)));
        script = null;
      } else {
        String stripped = line.strip();
        if (stripped.startsWith(EXPECT)) {
          expects.add(stripped.substring(EXPECT.length()).strip());
        }
        script.append(line).append('\n');
      }
    }
    if (script != null) {
      throw new IllegalArgumentException("unclosed bash block starting at line " + start);
    }
    return blocks;
  }

  /** First line of a block mapped to the reason it cannot run in a test. */
  static Map<String, String> parseAllowlist(String text) {
    Map<String, String> allowed = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0 || line.substring(tab + 1).isBlank()) {
        throw new IllegalArgumentException("allowlist entry without a reason: " + line);
      }
      allowed.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
    }
    return allowed;
  }
}
