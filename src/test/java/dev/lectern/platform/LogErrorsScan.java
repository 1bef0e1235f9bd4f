package dev.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every integration test, beside {@link LogSecretsScan}: no server of this run logged
 * that a connection was used outside a transaction and cleaned up by Liberty. Each such pair
 * (J2CA0026E, DSRA9400E) is an entity manager opened where no transaction was active; they were
 * logged at every start and on OneRoster key lookups until 0e2b2c5, and nothing else would notice
 * them coming back. Nor that a batch job's start looked for a user registry there is none of
 * (CWWKS3005E, logged at every job start until the console's role moved into its own file). Nor
 * that LTPA keys could not be read (CWWKS4106E): Liberty then refuses every sign-in, API tokens
 * included, while the server looks healthy.
 */
class LogErrorsScan {

  private static final Set<String> FORBIDDEN =
      Set.of("J2CA0026E", "DSRA9400E", "CWWKS3005E", "CWWKS4106E");
  private static final Pattern MESSAGE_ID = Pattern.compile("\"ibm_messageId\":\"([A-Z0-9]+)\"");
  private static final Pattern TIME = Pattern.compile("\"ibm_datetime\":\"([^\"]+)\"");
  private static final DateTimeFormatter LIBERTY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

  @Test
  void noServerLoggedAForbiddenMessage() throws IOException {
    OffsetDateTime runStarted = OffsetDateTime.parse(System.getProperty("lectern.run.started"));
    List<Path> logs = messageLogs();
    assertThat(logs).as("message logs").isNotEmpty();
    List<String> found = new ArrayList<>();
    for (Path log : logs) {
      for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
        Matcher id = MESSAGE_ID.matcher(line);
        Matcher time = TIME.matcher(line);
        if (id.find()
            && FORBIDDEN.contains(id.group(1))
            && time.find()
            && !OffsetDateTime.parse(time.group(1), LIBERTY_TIME).isBefore(runStarted)) {
          found.add(log.getParent().getParent().getFileName() + ": " + line);
        }
      }
    }
    assertThat(found).as("forbidden messages logged in this run").isEmpty();
  }

  /** Each server's JSON message logs, rotated ones included (older runs' lines are skipped). */
  private static List<Path> messageLogs() throws IOException {
    try (Stream<Path> files = Files.walk(TestEnvironment.libertyDir().resolve("usr/servers"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getParent().getFileName().toString().equals("logs"))
          .filter(f -> f.getFileName().toString().startsWith("messages"))
          .toList();
    }
  }
}
