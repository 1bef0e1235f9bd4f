package dev.lectern.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile read the way the engine reads it, enough for tests without one: continuation lines
 * joined, comments dropped, each instruction tagged with the build stage it belongs to.
 */
record DockerfileInstructions(List<Instruction> all) {

  /** One instruction: its keyword in capitals, its arguments as written, its stage (from 0). */
  record Instruction(String keyword, String arguments, int stage) {}

  static DockerfileInstructions parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int stage = -1;
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      // The engine drops comment lines, inside a continuation too.
      if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      String whole = pending.toString().strip();
      pending.setLength(0);
      if (whole.isEmpty()) {
        continue;
      }
      String[] parts = whole.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
      if (keyword.equals("FROM")) {
        stage++;
      }
      instructions.add(new Instruction(keyword, parts.length > 1 ? parts[1] : "", stage));
    }
    return new DockerfileInstructions(List.copyOf(instructions));
  }

  int finalStage() {
    return all.stream().mapToInt(Instruction::stage).max().orElse(-1);
  }

  List<Instruction> in(int stage, String keyword) {
    return all.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword)).toList();
  }

  List<Instruction> all(String keyword) {
    return all.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  Optional<Instruction> last(int stage, String keyword) {
    List<Instruction> found = in(stage, keyword);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
  }
}
