package dev.lectern.ops.backup.archive;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Assembles an archive from the manifest and the compressed table parts: written under a temporary
 * name, synced to disk, then renamed, so a listed archive is always a whole one.
 */
public final class ArchiveWriter {

  private ArchiveWriter() {}

  /** Writes {@code target}; {@code parts} hold each manifest table's gzip data, in order. */
  public static void write(Path target, ArchiveManifest manifest, List<Path> parts, Keyring keyring)
      throws IOException {
    if (parts.size() != manifest.tables().size()) {
      throw new IllegalArgumentException("one part per table expected");
    }
    ArchiveHeader header =
        manifest.keyId() == null
            ? ArchiveHeader.plain()
            : ArchiveHeader.encrypted(manifest.keyId());
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      OutputStream file = Channels.newOutputStream(channel);
      byte[] headerBytes = header.bytes();
      file.write(headerBytes);
      OutputStream body = new BufferedOutputStream(nonClosing(file), 1 << 16);
      if (header.isEncrypted()) {
        SegmentCipher cipher =
            header.cipher(
                keyring
                    .key(manifest.keyId())
                    .orElseThrow(() -> new IllegalStateException("no key " + manifest.keyId())));
        body = new BufferedOutputStream(new SealingOutputStream(nonClosing(file), cipher), 1 << 16);
      }
      try (DataOutputStream out = new DataOutputStream(body)) {
        byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
        for (Path part : parts) {
          Files.copy(part, out);
        }
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(target.getParent());
  }

  /** Makes a rename durable: the directory entry is synced too. */
  static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the archive itself is already synced.
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
