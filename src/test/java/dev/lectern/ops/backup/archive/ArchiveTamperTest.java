package dev.lectern.ops.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of damage to an archive is caught by verification, encrypted or not. */
class ArchiveTamperTest {

  private static final String ID = "lectern_20261124_020000";

  @TempDir Path dir;
  private final String key2 = key();
  private Keyring keyring;
  private List<Path> parts;
  private ArchiveManifest manifest;

  @BeforeEach
  void archiveParts() throws Exception {
    keyring = Keyring.parse("k2:" + key2 + ",k1:" + key());
    parts = new ArrayList<>();
    List<ArchiveManifest.Table> tables = new ArrayList<>();
    Random random = new Random(7);
    // Enough rows that the encrypted archive spans several segments.
    for (String table : List.of("roster_user", "roster_enrollment", "audit_log")) {
      StringBuilder text = new StringBuilder();
      int rows = table.equals("audit_log") ? 3 : 100_000;
      for (int i = 0; i < rows; i++) {
        text.append(table)
            .append('-')
            .append(i)
            .append('\t')
            .append(random.nextLong())
            .append('\n');
      }
      byte[] copy = text.toString().getBytes(StandardCharsets.UTF_8);
      Path part = dir.resolve(table + ".gz");
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(copy);
      }
      Files.write(part, gz.toByteArray());
      parts.add(part);
      tables.add(
          new ArchiveManifest.Table(
              table,
              0,
              List.of("id", "value"),
              rows,
              copy.length,
              Files.size(part),
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copy))));
    }
    manifest = new ArchiveManifest(ID, Instant.now(), "test", "12", "manual", "k2", 1000, tables);
  }

  @Test
  void shouldVerifyAnIntactArchiveEncryptedOrNot() throws IOException {
    assertThat(ArchiveVerifier.verify(encrypted(), keyring).verified()).isTrue();
    assertThat(ArchiveVerifier.verify(plain(), Keyring.empty()).verified()).isTrue();
    assertThat(Files.size(encrypted())).isGreaterThan(2L * SegmentCipher.SEGMENT_BYTES);
  }

  @Test
  void shouldRejectEveryFlippedBitOfAnEncryptedArchive() throws IOException {
    byte[] original = Files.readAllBytes(encrypted());
    Random random = new Random(11);
    List<Integer> positions = new ArrayList<>(List.of(0, 12, 20, 40, original.length - 1));
    for (int i = 0; i < 40; i++) {
      positions.add(random.nextInt(original.length));
    }
    for (int position : positions) {
      byte[] damaged = original.clone();
      damaged[position] ^= (byte) (1 << random.nextInt(8));
      Path file = write(damaged);
      assertThat(ArchiveVerifier.verify(file, keyring).verified())
          .as("bit flipped at byte %d of %d", position, original.length)
          .isFalse();
    }
  }

  @Test
  void shouldRejectTruncationAndAppendedData() throws IOException {
    byte[] original = Files.readAllBytes(encrypted());
    int segment = SegmentCipher.SEGMENT_BYTES + SegmentCipher.TAG_BYTES;
    int header = original.length - ((original.length - 30) / segment) * segment;
    for (int length :
        new int[] {5, 30, 1000, segment, original.length - header - segment, original.length - 1}) {
      ArchiveVerifier.Result result =
          ArchiveVerifier.verify(write(java.util.Arrays.copyOf(original, length)), keyring);
      assertThat(result.verified()).as("truncated to %d", length).isFalse();
    }
    byte[] longer = java.util.Arrays.copyOf(original, original.length + 16);
    assertThat(ArchiveVerifier.verify(write(longer), keyring).verified()).isFalse();
    byte[] plain = Files.readAllBytes(plain());
    assertThat(
            ArchiveVerifier.verify(
                    write(java.util.Arrays.copyOf(plain, plain.length - 10)), Keyring.empty())
                .verified())
        .isFalse();
    byte[] plainLonger = java.util.Arrays.copyOf(plain, plain.length + 1);
    assertThat(ArchiveVerifier.verify(write(plainLonger), Keyring.empty()).problems())
        .anyMatch(p -> p.contains("after its last table"));
  }

  @Test
  void shouldRejectAWrongOrMissingKey() throws IOException {
    Path file = encrypted();
    Keyring wrong = Keyring.parse("k2:" + key());
    assertThat(ArchiveVerifier.verify(file, wrong).problems())
        .singleElement()
        .asString()
        .contains("failed authentication");
    assertThat(ArchiveVerifier.verify(file, Keyring.parse("k9:" + key())).problems())
        .singleElement()
        .asString()
        .contains("'k2'", "not in BACKUP_ENCRYPTION_KEYS");
  }

  @Test
  void shouldDecryptWithASecondKeyOfTheKeyring() throws IOException {
    Keyring rotated = Keyring.parse("k3:" + key() + ",k2:" + key2);
    assertThat(rotated.encryptingKeyId()).contains("k3");
    assertThat(ArchiveVerifier.verify(encrypted(), rotated).verified()).isTrue();
  }

  @Test
  void shouldRejectSwappedTableEntriesAndAnEditedManifest() throws IOException {
    List<Path> swapped = List.of(parts.get(1), parts.get(0), parts.get(2));
    Path target =
        writePlain(
            "swap",
            List.of(
                withStored(manifest.tables().get(0), Files.size(parts.get(1))),
                withStored(manifest.tables().get(1), Files.size(parts.get(0))),
                manifest.tables().get(2)),
            swapped);
    assertThat(ArchiveVerifier.verify(target, Keyring.empty()).problems())
        .singleElement()
        .asString()
        .contains("does not match the manifest");
  }

  @Test
  void shouldRejectAnEditedManifestInAPlainArchive() throws IOException {
    ArchiveManifest.Table audit = manifest.tables().get(2);
    Path target =
        writePlain(
            "edit",
            List.of(
                manifest.tables().get(0),
                manifest.tables().get(1),
                new ArchiveManifest.Table(
                    "audit_log",
                    0,
                    audit.columns(),
                    4,
                    audit.bytes(),
                    audit.storedBytes(),
                    audit.sha256())),
            parts);
    assertThat(ArchiveVerifier.verify(target, Keyring.empty()).problems())
        .singleElement()
        .asString()
        .contains("audit_log", "rows 3 vs 4");
  }

  @Test
  void shouldStillReadFormatOneArchivesWithTheirOneMebibyteSegments() throws Exception {
    byte[] content;
    try (var in = Files.newInputStream(encrypted())) {
      ArchiveHeader current = ArchiveHeader.read(in);
      content =
          new OpeningInputStream(in, current.cipher(keyring.key("k2").orElseThrow()))
              .readAllBytes();
    }
    ArchiveHeader formatOne =
        new ArchiveHeader(1, "k2", new byte[SegmentCipher.NONCE_PREFIX_BYTES]);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(formatOne.bytes());
    try (SealingOutputStream out =
        new SealingOutputStream(file, formatOne.cipher(keyring.key("k2").orElseThrow()))) {
      out.write(content);
    }
    Path old = write(file.toByteArray());
    assertThat(content.length).isGreaterThan(SegmentCipher.FORMAT_1_SEGMENT_BYTES);

    assertThat(ArchiveVerifier.verify(old, keyring).problems()).isEmpty();
    try (ArchiveReader reader = ArchiveReader.open(old, keyring);
        ArchiveReader.TableData enrollments = reader.openPart(1)) {
      reader.checkLength();
      assertThat(enrollments.readAllBytes()).hasSize((int) manifest.tables().get(1).bytes());
      enrollments.check();
    }
  }

  /** A plain archive in its own directory with these manifest entries and part files. */
  private Path writePlain(String name, List<ArchiveManifest.Table> tables, List<Path> files)
      throws IOException {
    Path target = dir.resolve(name).resolve(ID + BackupFiles.EXTENSION);
    Files.createDirectories(target.getParent());
    ArchiveWriter.write(
        target,
        new ArchiveManifest(ID, manifest.createdAt(), "test", "12", "manual", null, 1000, tables),
        files,
        Keyring.empty());
    return target;
  }

  private static ArchiveManifest.Table withStored(ArchiveManifest.Table t, long stored) {
    return new ArchiveManifest.Table(
        t.name(), t.part(), t.columns(), t.rows(), t.bytes(), stored, t.sha256());
  }

  private Path encrypted() throws IOException {
    Path target = dir.resolve("enc").resolve(ID + BackupFiles.EXTENSION);
    if (!Files.exists(target)) {
      Files.createDirectories(target.getParent());
      ArchiveWriter.write(target, manifest, parts, keyring);
    }
    return target;
  }

  private Path plain() throws IOException {
    Path target = dir.resolve("plain").resolve(ID + BackupFiles.EXTENSION);
    return Files.exists(target) ? target : writePlain("plain", manifest.tables(), parts);
  }

  private int variant;

  private Path write(byte[] bytes) throws IOException {
    Path target = dir.resolve("v" + variant++).resolve(ID + BackupFiles.EXTENSION);
    Files.createDirectories(target.getParent());
    Files.write(target, bytes);
    return target;
  }

  private static String key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
