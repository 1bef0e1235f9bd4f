package dev.lectern.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookBlocksTest {

  @Test
  void shouldFindBashBlocksWithHeadingsAndExpectations() {
    String markdown =
        "# Runbook\n## Health\ntext\n```bash\ncurl -fsS \"$LECTERN_URL/healthz\"\n"
            + "# expect: \"status\":\"healthy\"\n```\n```json\n{}\n```\n";
    List<RunbookBlocks.Block> blocks = RunbookBlocks.parse(markdown);
    assertThat(blocks).hasSize(1);
    assertThat(blocks.get(0).heading()).isEqualTo("Health");
    assertThat(blocks.get(0).firstLine()).isEqualTo("curl -fsS \"$LECTERN_URL/healthz\"");
    assertThat(blocks.get(0).expects()).containsExactly("\"status\":\"healthy\"");
  }

  @Test
  void shouldRefuseAnUnclosedBlock() {
    assertThatThrownBy(() -> RunbookBlocks.parse("```bash\nls\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRequireAReasonForEveryAllowlistEntry() {
    assertThat(RunbookBlocks.parseAllowlist("# comment\nbin/dev run\tstarts a server\n"))
        .containsEntry("bin/dev run", "starts a server");
    assertThatThrownBy(() -> RunbookBlocks.parseAllowlist("bin/dev run\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
