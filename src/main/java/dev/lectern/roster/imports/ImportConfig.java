package dev.lectern.roster.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of CSV imports; see docs/configuration.md. */
@ApplicationScoped
public class ImportConfig {

  @Inject
  @ConfigProperty(name = "IMPORT_DIR", defaultValue = "imports")
  String dir;

  @Inject
  @ConfigProperty(name = "IMPORT_MAX_BYTES", defaultValue = "104857600")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "IMPORT_RETENTION_DAYS", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "IMPORT_MAX_UNCOMPRESSED_BYTES", defaultValue = "4294967296")
  long maxUncompressedBytes;

  @Inject
  @ConfigProperty(name = "IMPORT_MAX_ENTRIES", defaultValue = "100")
  int maxEntries;

  @Inject
  @ConfigProperty(name = "IMPORT_APPLY_TIMEOUT_SECONDS", defaultValue = "1800")
  int applyTimeoutSeconds;

  /** Where packages are kept; every replica must see the same directory. */
  public Path dir() {
    return Path.of(dir).toAbsolutePath();
  }

  public long maxBytes() {
    return maxBytes;
  }

  int retentionDays() {
    return retentionDays;
  }

  /** Packages larger than this once unzipped are refused (zip bombs). */
  long maxUncompressedBytes() {
    return maxUncompressedBytes;
  }

  int maxEntries() {
    return maxEntries;
  }

  int applyTimeoutSeconds() {
    return applyTimeoutSeconds;
  }
}
