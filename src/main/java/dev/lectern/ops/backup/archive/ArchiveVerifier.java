package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Re-reads a whole archive: authenticates it, and checks every table against the manifest. */
public final class ArchiveVerifier {

  /** The verdict; {@code manifest} is null when the archive could not even be opened. */
  public record Result(boolean verified, List<String> problems, ArchiveManifest manifest) {}

  private ArchiveVerifier() {}

  public static Result verify(Path file, Keyring keyring) {
    ArchiveManifest manifest = null;
    try (ArchiveReader reader = ArchiveReader.open(file, keyring)) {
      manifest = reader.manifest();
      String expected = file.getFileName().toString();
      if (!expected.equals(manifest.id() + BackupFiles.EXTENSION)) {
        return new Result(
            false,
            List.of("manifest names backup " + manifest.id() + ", the file is " + expected),
            manifest);
      }
      ArchiveReader.TableData table;
      while ((table = reader.nextTable()) != null) {
        table.check();
      }
      reader.finish();
      return new Result(true, List.of(), manifest);
    } catch (ArchiveException e) {
      return new Result(false, List.of(e.getMessage()), manifest);
    } catch (IOException e) {
      return new Result(false, List.of("could not read the archive: " + e.getMessage()), manifest);
    }
  }
}
