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
      InputStream in = socket.getInputStream();
      StringBuilder statusLine = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        statusLine.append((char) c);
      }
      String[] parts = statusLine.toString().split(" ");
      if (parts.length < 2) {
        throw new AssertionError("no status line for " + method + " " + path + ": " + statusLine);
      }
      return Integer.parseInt(parts[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
