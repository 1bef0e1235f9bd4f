package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobProblem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded zip, opened defensively: entry names must be plain file names (a single top-level
 * folder is allowed), the entry count is bounded, and every byte read is counted against the
 * package's uncompressed limit and a compression-ratio limit, so a zip bomb stops early whatever
 * its headers claim.
 */
final class ImportPackage implements AutoCloseable {

  /** Real CSV compresses 5-20 times; a ratio far beyond that is a bomb. */
  static final long MAX_RATIO = 200;

  private final ZipFile zip;
  private final Map<String, ZipEntry> entries = new LinkedHashMap<>();
  private final List<JobProblem> problems = new ArrayList<>();
  private final long maxUncompressed;
  private long read;

  private ImportPackage(ZipFile zip, long maxUncompressed) {
    this.zip = zip;
    this.maxUncompressed = maxUncompressed;
  }

  /** Opens a package; problems with the zip itself are in {@link #problems()}. */
  static ImportPackage open(Path file, ImportConfig config) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new PackageException("the upload is not a zip file: " + e.getMessage());
    }
    ImportPackage pkg = new ImportPackage(zip, config.maxUncompressedBytes());
    List<? extends ZipEntry> all =
        Collections.list((Enumeration<? extends ZipEntry>) zip.entries());
    if (all.size() > config.maxEntries()) {
      pkg.close();
      throw new PackageException(
          "the zip has "
              + all.size()
              + " entries; at most "
              + config.maxEntries()
              + " are accepted");
    }
    String prefix = commonFolder(all);
    for (ZipEntry entry : all) {
      String name = entry.getName();
      if (!safe(name)) {
        pkg.problems.add(
            new JobProblem(
                name,
                null,
                null,
                "unsafe entry name (absolute path or '..'); the package is refused"));
        continue;
      }
      if (entry.isDirectory()) {
        continue;
      }
      String local = name.substring(prefix.length());
      if (local.contains("/")) {
        pkg.problems.add(
            new JobProblem(
                name, null, null, "files must be at the top of the package (or in one folder)"));
        continue;
      }
      pkg.entries.put(local, entry);
    }
    return pkg;
  }

  List<JobProblem> problems() {
    return problems;
  }

  boolean has(String fileName) {
    return entries.containsKey(fileName);
  }

  List<String> fileNames() {
    return List.copyOf(entries.keySet());
  }

  /** Uncompressed size claimed by the zip's directory, for progress only. */
  long declaredSize(String fileName) {
    ZipEntry entry = entries.get(fileName);
    return entry == null ? 0 : Math.max(0, entry.getSize());
  }

  /** The entry's bytes, counted against the package limits as they are read. */
  InputStream open(String fileName) throws IOException {
    ZipEntry entry = entries.get(fileName);
    long compressed = Math.max(1, entry.getCompressedSize());
    return new FilterInputStream(zip.getInputStream(entry)) {
      private long entryRead;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) {
        entryRead += n;
        read += n;
        if (read > maxUncompressed) {
          throw new PackageException(
              "the package unzips to more than "
                  + maxUncompressed
                  + " bytes; refused as a zip"
                  + " bomb (IMPORT_MAX_UNCOMPRESSED_BYTES)");
        }
        if (entryRead > 1_048_576 && entryRead / compressed > MAX_RATIO) {
          throw new PackageException(
              fileName, "expands more than " + MAX_RATIO + " times; refused as a zip bomb");
        }
      }
    };
  }

  /** Bytes read from all entries so far. */
  long bytesRead() {
    return read;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  private static boolean safe(String name) {
    String n = name.replace('\\', '/');
    return !n.startsWith("/")
        && !n.contains("../")
        && !n.equals("..")
        && !n.endsWith("/..")
        && !n.matches("^[A-Za-z]:.*")
        && !n.contains("\0");
  }

  /** "folder/" when every file sits in the same single top-level folder, otherwise "". */
  private static String commonFolder(List<? extends ZipEntry> all) {
    String prefix = null;
    for (ZipEntry entry : all) {
      if (entry.isDirectory()) {
        continue;
      }
      int slash = entry.getName().indexOf('/');
      String folder = slash < 0 ? "" : entry.getName().substring(0, slash + 1);
      if (prefix == null) {
        prefix = folder;
      } else if (!prefix.equals(folder)) {
        return "";
      }
    }
    return prefix == null ? "" : prefix;
  }

  /** The package cannot be read at all; the import fails with this message. */
  static final class PackageException extends RuntimeException {
    private final String file;

    PackageException(String message) {
      this(null, message);
    }

    PackageException(String file, String message) {
      super(message);
      this.file = file;
    }

    /** The file being read when the package was refused, or null. */
    String file() {
      return file;
    }
  }
}
