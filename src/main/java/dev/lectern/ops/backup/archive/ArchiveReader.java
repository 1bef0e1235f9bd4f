package dev.lectern.ops.backup.archive;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an archive front to back: header, manifest, then each table's COPY text in manifest order.
 * Every table is checked against the manifest (rows, bytes, SHA-256) as it is read, and the end of
 * the archive must come exactly after the last table.
 */
public final class ArchiveReader implements AutoCloseable {

  private static final int MAX_MANIFEST_BYTES = 16 << 20;

  private final InputStream body;
  private final ArchiveManifest manifest;
  private final Path file;
  private final Keyring keyring;
  private final ArchiveHeader header;
  private final int manifestLength;
  private int next;

  private ArchiveReader(
      InputStream body,
      ArchiveManifest manifest,
      Path file,
      Keyring keyring,
      ArchiveHeader header,
      int manifestLength) {
    this.body = body;
    this.manifest = manifest;
    this.file = file;
    this.keyring = keyring;
    this.header = header;
    this.manifestLength = manifestLength;
  }

  /** Opens an archive; an encrypted one needs its key in {@code keyring}. */
  public static ArchiveReader open(Path file, Keyring keyring) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      ArchiveHeader header = ArchiveHeader.read(in);
      InputStream body = in;
      if (header.isEncrypted()) {
        var key =
            keyring
                .key(header.keyId())
                .orElseThrow(
                    () ->
                        new ArchiveException(
                            "archive is encrypted with key '"
                                + header.keyId()
                                + "', which is not in BACKUP_ENCRYPTION_KEYS"));
        body = new OpeningInputStream(in, header.cipher(key));
      }
      DataInputStream data = new DataInputStream(body);
      int length = data.readInt();
      if (length <= 0 || length > MAX_MANIFEST_BYTES) {
        throw new ArchiveException("manifest length " + length + " is not plausible");
      }
      byte[] json = new byte[length];
      data.readFully(json);
      ArchiveManifest manifest = ArchiveManifest.parse(new String(json, StandardCharsets.UTF_8));
      if (header.isEncrypted() != manifest.encrypted()
          || (header.isEncrypted() && !header.keyId().equals(manifest.keyId()))) {
        throw new ArchiveException("manifest and header disagree about encryption");
      }
      return new ArchiveReader(body, manifest, file, keyring, header, length);
    } catch (EOFException e) {
      in.close();
      throw new ArchiveException("archive is truncated (incomplete manifest)");
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  public ArchiveManifest manifest() {
    return manifest;
  }

  /**
   * One part's COPY text read on its own, from a new handle on the file: workers load parts in
   * parallel. An encrypted archive is entered at the segment holding the part's first byte
   * (segments are of fixed size), so only the segments the part spans are decrypted.
   */
  public TableData openPart(int index) throws IOException {
    long offset = 4L + manifestLength;
    for (int i = 0; i < index; i++) {
      offset += manifest.tables().get(i).storedBytes();
    }
    ArchiveManifest.Table part = manifest.tables().get(index);
    int headerBytes = header.bytes().length;
    var channel = java.nio.channels.FileChannel.open(file);
    try {
      InputStream in;
      if (header.isEncrypted()) {
        var cipher = header.cipher(keyring.key(header.keyId()).orElseThrow());
        long segment = offset / cipher.segmentBytes();
        channel.position(headerBytes + segment * (cipher.segmentBytes() + SegmentCipher.TAG_BYTES));
        in =
            new OpeningInputStream(
                new BufferedInputStream(
                    java.nio.channels.Channels.newInputStream(channel), 1 << 16),
                cipher,
                segment);
        in.skipNBytes(offset - segment * cipher.segmentBytes());
      } else {
        channel.position(headerBytes + offset);
        in = new BufferedInputStream(java.nio.channels.Channels.newInputStream(channel), 1 << 16);
      }
      return new TableData(part, new Bounded(in, part.storedBytes()), in);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Checks the file is exactly as long as header, manifest and parts say (for an encrypted archive:
   * with one tag per segment), so nothing was cut off or appended; parts read with {@link
   * #openPart} do not see the end of the file.
   */
  public void checkLength() throws IOException {
    long content = 4L + manifestLength;
    for (ArchiveManifest.Table part : manifest.tables()) {
      content += part.storedBytes();
    }
    long expected = header.bytes().length + content;
    if (header.isEncrypted()) {
      long segmentBytes = header.segmentBytes();
      long segments = Math.max(1, (content + segmentBytes - 1) / segmentBytes);
      expected += segments * SegmentCipher.TAG_BYTES;
    }
    long actual = Files.size(file);
    if (actual != expected) {
      throw new ArchiveException(
          "archive is "
              + actual
              + " bytes, its manifest describes "
              + expected
              + (actual < expected ? " (truncated)" : " (data appended)"));
    }
  }

  /** The next table's COPY text; read it to its end before asking for the next. */
  public TableData nextTable() throws ArchiveException {
    if (next >= manifest.tables().size()) {
      return null;
    }
    ArchiveManifest.Table table = manifest.tables().get(next++);
    return new TableData(table, new Bounded(body, table.storedBytes()));
  }

  /** Checks that nothing follows the last table (and, when encrypted, that the end is genuine). */
  public void finish() throws IOException {
    if (next != manifest.tables().size()) {
      throw new IllegalStateException("tables left unread");
    }
    if (body.read() >= 0) {
      throw new ArchiveException("archive has data after its last table");
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }

  /** One table's data as it streams out of the archive, checked against the manifest. */
  public static final class TableData extends FilterInputStream {

    private final ArchiveManifest.Table table;
    private final Bounded stored;
    private final InputStream owned;
    private final MessageDigest sha256;
    private long bytes;
    private long rows;

    TableData(ArchiveManifest.Table table, Bounded stored) throws ArchiveException {
      this(table, stored, null);
    }

    /** {@code owned}: a file handle of this part alone, closed with it. */
    TableData(ArchiveManifest.Table table, Bounded stored, InputStream owned)
        throws ArchiveException {
      super(gunzip(table, stored));
      this.table = table;
      this.stored = stored;
      this.owned = owned;
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static InputStream gunzip(ArchiveManifest.Table table, Bounded stored)
        throws ArchiveException {
      try {
        return new GZIPInputStream(stored, 1 << 16);
      } catch (IOException e) {
        throw new ArchiveException("table " + table.name() + " is damaged: " + e.getMessage());
      }
    }

    public ArchiveManifest.Table table() {
      return table;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw new ArchiveException("table " + table.name() + " is damaged: " + e.getMessage());
      }
      if (n > 0) {
        sha256.update(b, off, n);
        bytes += n;
        rows += CopyText.rows(b, off, n);
      }
      return n;
    }

    /** Reads what is left and checks the table against the manifest. */
    public void check() throws IOException {
      byte[] rest = new byte[1 << 16];
      while (read(rest, 0, rest.length) >= 0) {
        // drain
      }
      if (stored.remaining() != 0) {
        throw new ArchiveException("table " + table.name() + " has trailing data");
      }
      String digest = HexFormat.of().formatHex(sha256.digest());
      if (rows != table.rows() || bytes != table.bytes() || !digest.equals(table.sha256())) {
        throw new ArchiveException(
            "table "
                + table.name()
                + " does not match the manifest (rows "
                + rows
                + " vs "
                + table.rows()
                + ", checksum "
                + (digest.equals(table.sha256()) ? "equal" : "different")
                + ")");
      }
    }

    @Override
    public void close() throws IOException {
      // A part read from the shared archive stream leaves it open for the next one.
      if (owned != null) {
        owned.close();
      }
    }
  }

  /** A window of {@code limit} bytes of the archive body; a short body means truncation. */
  static final class Bounded extends InputStream {

    private final InputStream in;
    private long remaining;

    Bounded(InputStream in, long limit) {
      this.in = in;
      this.remaining = limit;
    }

    long remaining() {
      return remaining;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new ArchiveException("archive is truncated");
      }
      remaining -= n;
      return n;
    }

    @Override
    public int available() {
      return 0;
    }
  }
}
