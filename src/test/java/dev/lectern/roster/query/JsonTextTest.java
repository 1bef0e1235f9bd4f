package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void shouldEscapeWhatJsonRequiresAndReadBackTheSameString() {
    String nasty = "a\"b\\c\nd\re\tf\u0001g\u001fh/é𝄞\u2028";
    String json = JsonText.string(new StringBuilder(), nasty).toString();
    assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh/é𝄞\u2028\"");
    assertThat(Json.createReader(new StringReader("[" + json + "]")).readArray().getString(0))
        .isEqualTo(nasty);
  }

  @Test
  void shouldLeavePlainTextAlone() {
    assertThat(JsonText.string(JsonText.key(new StringBuilder(), "name"), "plain").toString())
        .isEqualTo("\"name\":\"plain\"");
  }
}
