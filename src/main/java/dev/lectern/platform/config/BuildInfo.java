package dev.lectern.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Which Lectern this is, from {@code lectern-build.properties} filtered by Maven. */
@ApplicationScoped
public class BuildInfo {

  private final String version;

  public BuildInfo() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/lectern-build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.version = properties.getProperty("version", "unknown");
  }

  public String version() {
    return version;
  }
}
