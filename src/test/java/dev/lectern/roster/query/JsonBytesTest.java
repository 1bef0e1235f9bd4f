package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBytesTest {

  private static final String NASTY = "a\"b\\c\nd\re\tf\u0001g\u001fh/é𝄞\u2028";
  private static final String ESCAPED = "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh/é𝄞\u2028\"";

  @Test
  void shouldEscapeStringsAsJsonRequiresAndReadBackTheSameString() {
    String json = new JsonBytes(4).string(NASTY).toString();
    assertThat(json).isEqualTo(ESCAPED);
    assertThat(Json.createReader(new StringReader("[" + json + "]")).readArray().getString(0))
        .isEqualTo(NASTY);
  }

  @Test
  void shouldEscapeUtf8BytesTheSameWayAsStrings() {
    byte[] utf8 = NASTY.getBytes(StandardCharsets.UTF_8);
    String json = new JsonBytes(4).append('"').escaped(utf8).append('"').toString();
    assertThat(json).isEqualTo(ESCAPED);
  }

  @Test
  void shouldGrowAndTruncate() {
    JsonBytes out = new JsonBytes(1).key("name").string("plain");
    int mark = out.length();
    out.append(',').key("dropped").raw("{}".getBytes(StandardCharsets.UTF_8));
    out.truncate(mark);
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("\"name\":\"plain\"");
  }

  @Test
  void shouldReplaceALoneSurrogateAsUtf8EncodingDoes() {
    assertThat(new JsonBytes(4).escaped("x\ud800\"\udc00").toString()).isEqualTo("x?\\\"?");
  }
}
