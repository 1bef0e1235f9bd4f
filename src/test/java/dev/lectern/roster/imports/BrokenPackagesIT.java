package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken packages: each import ends {@code failed}, names the file, row and field of
 * the problem, and changes no roster row. Runs on a server and database of its own, loaded once
 * with a valid district.
 */
class BrokenPackagesIT {

  private static LecternServer server;
  private static String dbUrl;
  private static ImportClient imports;

  @BeforeAll
  static void start() throws Exception {
    dbUrl = Sql.createDatabase("broken_imports");
    server = new LecternServer("broken-imports").with("DB_URL", dbUrl).start().awaitReady();
    imports = new ImportClient(server.http(), server.http().adminToken());
    imports.importOk(CsvPackage.district12("bulk").zip());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> brokenPackages() {
    String o = CsvPackage.ORGS_12;
    return Stream.of(
        Arguments.of(
            "bad quoting", orgs(o, "s9,,,\"Bad \"quote,school,S9,d1"), "orgs.csv", 5L, null),
        Arguments.of(
            "missing header",
            orgs(
                "sourcedId,status,dateLastModified,name,type," + "parentSourcedId",
                "s9,,,Nine,school,d1"),
            "orgs.csv",
            1L,
            "identifier"),
        Arguments.of(
            "misspelt header",
            orgs(o.replace("parentSourcedId", "parentSourceId"), "s9,,,Nine,school,S9,d1"),
            "orgs.csv",
            1L,
            "parentSourceId"),
        Arguments.of(
            "unknown enum value", orgs(o, "s9,,,Nine,campus,S9,d1"), "orgs.csv", 5L, "type"),
        Arguments.of(
            "bad date",
            CsvPackage.district12("bulk")
                .file(
                    "academicSessions",
                    "bulk",
                    CsvPackage.SESSIONS_12,
                    "y1,,,2026-2027,schoolYear,2026-13-01,2027-06-15,,2027",
                    "t1,,,Fall,term,2026-08-15,2026-12-20,y1,2027")
                .zip(),
            "academicSessions.csv",
            2L,
            "startDate"),
        Arguments.of(
            "dangling reference",
            CsvPackage.district12("bulk")
                .file(
                    "classes",
                    "bulk",
                    CsvPackage.CLASSES_12,
                    "k1,,,Algebra 1,09,nope,ALG-1,scheduled,Room 1,s1,t1,,,")
                .zip(),
            "classes.csv",
            2L,
            "courseSourcedId"),
        Arguments.of(
            "duplicate sourcedId",
            orgs(o, "s1,,,Again,school,S1b,d1"),
            "orgs.csv",
            5L,
            "sourcedId"),
        Arguments.of(
            "status in a bulk file",
            orgs(o, "s9,active,,Nine,school,S9,d1"),
            "orgs.csv",
            5L,
            "status"),
        Arguments.of(
            "not UTF-8",
            CsvPackage.district12("bulk")
                .raw(
                    "orgs.csv",
                    concat(
                        ("" + o + "\r\nd1,,,District One,district,D1,\r\ns1,,,")
                            .getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 0x28},
                        ",school,S1,d1\r\n".getBytes(StandardCharsets.UTF_8)))
                .zip(),
            "orgs.csv",
            null,
            null),
        Arguments.of(
            "empty file",
            CsvPackage.district12("bulk").raw("orgs.csv", new byte[0]).zip(),
            "orgs.csv",
            1L,
            null),
        Arguments.of(
            "path traversal",
            CsvPackage.district12("bulk")
                .raw("../evil.csv", "x".getBytes(StandardCharsets.UTF_8))
                .zip(),
            "../evil.csv",
            null,
            null),
        Arguments.of("zip bomb", bomb(), "orgs.csv", null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenPackages")
  void shouldFailWithTheProblemLocatedAndChangeNothing(
      String name, byte[] zip, String file, Long row, String field) throws Exception {
    String before = RosterDigest.of(dbUrl);
    JsonObject job = imports.await(imports.submit(zip), Duration.ofSeconds(60));

    assertThat(job.getString("state")).as(name + ": " + job).isEqualTo("failed");
    assertThat(job.getInt("problemCount")).as(name).isPositive();
    JsonObject report = imports.get("/api/v1/admin/jobs/" + job.getString("id") + "/report").json();
    assertThat(report.getJsonArray("problems").getValuesAs(JsonObject.class))
        .as(name + ": " + report)
        .anySatisfy(
            problem -> {
              assertThat(problem.getString("file", null)).isEqualTo(file);
              if (row != null) {
                assertThat(problem.getJsonNumber("row").longValue()).isEqualTo(row);
              }
              if (field != null) {
                assertThat(problem.getString("field", null)).isEqualTo(field);
              }
            });
    assertThat(RosterDigest.of(dbUrl)).as(name + " changed roster rows").isEqualTo(before);
  }

  @Test
  void shouldRefuseAnUploadOverTheLimitBeforeReadingIt() throws Exception {
    String before = RosterDigest.of(dbUrl);
    URI base = URI.create(server.http().baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/admin/imports HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Bearer "
                  + server.http().adminToken()
                  + "\r\n"
                  + "Content-Type: application/zip\r\nContent-Length: 209715200\r\n\r\nPK\u0003\u0004")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
      assertThat(status).isEqualTo("HTTP/1.1 413");
    }
    HttpResult notZip = imports.upload("name,type\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(notZip.status()).isEqualTo(415);
    assertThat(RosterDigest.of(dbUrl)).isEqualTo(before);
  }

  private static byte[] orgs(String header, String extra) {
    return CsvPackage.district12("bulk")
        .file(
            "orgs",
            "bulk",
            header,
            header.contains("identifier") && header.contains("parentSourcedId")
                ? "d1,,,District One,district,D1,"
                : "d1,,,District One,district,",
            header.contains("identifier") && header.contains("parentSourcedId")
                ? "s1,,,North,school,S1,d1"
                : "s1,,,North,school,d1",
            header.contains("identifier") && header.contains("parentSourcedId")
                ? "s2,,,South,school,S2,d1"
                : "s2,,,South,school,d1",
            extra)
        .zip();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** orgs.csv of 64 MB of zeros, deflated to a few dozen KB. */
  private static byte[] bomb() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("manifest.csv"));
      zip.write(
          ("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
                  + "file.orgs,bulk\r\n")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("orgs.csv"));
      zip.write((CsvPackage.ORGS_12 + "\r\n").getBytes(StandardCharsets.UTF_8));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
