package dev.lectern.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request written byte by byte, for headers Java's HTTP client refuses to send as given (a {@code
 * Host} that is not a host, a length the body never reaches): answers the status of the response,
 * without sending any body.
 */
final class RawHttp {

  private RawHttp() {}

  static int status(String baseUrl, String method, String path, Map<String, String> headers) {
    return Integer.parseInt(
        send(baseUrl, method, path, headers, RawHttp::statusLine).split(" ")[1]);
  }

  /** The whole response, status line, headers and body, as text. */
  static String exchange(String baseUrl, String method, String path, Map<String, String> headers) {
    return send(
        baseUrl,
        method,
        path,
        headers,
        in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** The first line only: the server may keep the connection open for a body never sent. */
  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    if (line.indexOf(" ") < 0) {
      throw new IOException("no status line: " + line);
    }
    return line.toString();
  }

  private interface Reader {
    String read(InputStream in) throws IOException;
  }

  private static String send(
      String baseUrl, String method, String path, Map<String, String> headers, Reader reader) {
    URI base = URI.create(baseUrl);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (!headers.containsKey("Content-Length")) {
        request.append("Content-Length: 0\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return reader.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
