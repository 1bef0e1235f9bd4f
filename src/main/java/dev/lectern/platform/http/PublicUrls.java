package dev.lectern.platform.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** What {@code LECTERN_PUBLIC_URL} may be. Pure. */
public final class PublicUrls {

  private PublicUrls() {}

  /**
   * The URL with a trailing slash when it is an absolute http or https URL with a host and no
   * query, fragment or user info; empty otherwise.
   */
  public static Optional<String> normalized(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.strip());
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!web
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      String text = uri.toString();
      return Optional.of(text.endsWith("/") ? text : text + "/");
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
