package dev.lectern.platform.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Supplies the SQL migrations from an index file instead of Flyway's classpath scanning, which is
 * unreliable under Liberty's {@code wsjar:} URLs. {@code db/migration/index.txt} lists one file per
 * line; a unit test keeps it equal to the directory's contents.
 */
public final class ClasspathMigrations implements ResourceProvider {

  static final String DIRECTORY = "db/migration";
  static final String INDEX = DIRECTORY + "/index.txt";

  private final ClassLoader loader;
  private final List<String> files;

  public ClasspathMigrations(ClassLoader loader) {
    this.loader = loader;
    this.files = readIndex(loader);
  }

  /** File names listed in the index, in order. */
  public List<String> files() {
    return files;
  }

  @Override
  public LoadableResource getResource(String name) {
    String file = name.startsWith(DIRECTORY + "/") ? name.substring(DIRECTORY.length() + 1) : name;
    return files.contains(file) ? new Migration(file) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    List<LoadableResource> found = new ArrayList<>();
    for (String file : files) {
      if (file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith)) {
        found.add(new Migration(file));
      }
    }
    return found;
  }

  private static List<String> readIndex(ClassLoader loader) {
    InputStream in = loader.getResourceAsStream(INDEX);
    if (in == null) {
      throw new IllegalStateException(INDEX + " is missing from the application");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Migration extends LoadableResource {
    private final String file;

    Migration(String file) {
      this.file = file;
    }

    @Override
    public Reader read() {
      InputStream in = loader.getResourceAsStream(DIRECTORY + "/" + file);
      if (in == null) {
        throw new IllegalStateException("Migration " + file + " is listed but missing");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return DIRECTORY + "/" + file;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return file;
    }

    @Override
    public String getRelativePath() {
      return file;
    }
  }
}
