package dev.lectern.control.jobs;

/**
 * One thing wrong with a job's input, located as precisely as it can be: {@code file} and {@code
 * row} (1 is the header line, data starts at 2) and {@code field}, each null when not applicable.
 */
public record JobProblem(String file, Long row, String field, String message) {

  public static JobProblem of(String message) {
    return new JobProblem(null, null, null, message);
  }
}
