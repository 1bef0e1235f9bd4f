package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import jakarta.json.JsonObject;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Valid packages round-trip through the OneRoster API. Bulk imports replace whole files, so these
 * run against a server and database of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportIT {

  private static final String OR = "/ims/oneroster/rostering/v1p2/";
  private static LecternServer server;
  private static String dbUrl;
  private static Http http;
  private static String admin;
  private static ImportClient imports;

  @BeforeAll
  static void start() throws Exception {
    dbUrl = Sql.createDatabase("imports");
    server = new LecternServer("imports").with("DB_URL", dbUrl).start().awaitReady();
    http = server.http();
    admin = http.adminToken();
    imports = new ImportClient(http, admin);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void shouldImportABulk12PackageAndServeEveryRecord() throws Exception {
    JsonObject job = imports.importOk(CsvPackage.district12("bulk").zip());
    assertThat(job.getJsonObject("counts").getJsonObject("users.csv").getInt("rows")).isEqualTo(3);
    assertThat(job.getInt("progress")).isEqualTo(100);

    JsonObject school = http.get(OR + "orgs/s1", admin).json().getJsonObject("org");
    assertThat(school.getString("name")).isEqualTo("North School, Main");
    assertThat(school.getJsonObject("parent").getString("sourcedId")).isEqualTo("d1");
    JsonObject alan = http.get(OR + "users/u2", admin).json().getJsonObject("user");
    assertThat(alan.getJsonArray("roles")).hasSize(2);
    assertThat(alan.getJsonArray("userIds")).hasSize(2);
    assertThat(alan.getString("middleName")).isEqualTo("M");
    JsonObject grace = http.get(OR + "users/u3", admin).json().getJsonObject("user");
    assertThat(grace.getJsonArray("agents").getJsonObject(0).getString("sourcedId"))
        .isEqualTo("u1");
    JsonObject klass = http.get(OR + "classes/k1", admin).json().getJsonObject("class");
    assertThat(klass.getJsonArray("periods").getString(1)).isEqualTo("2");
    assertThat(klass.getJsonArray("terms").getJsonObject(0).getString("sourcedId")).isEqualTo("t1");
    assertThat(http.get(OR + "classes/k1/students", admin).json().getJsonArray("users")).hasSize(1);
    assertThat(
            http.get(OR + "demographics/u1", admin)
                .json()
                .getJsonObject("demographics")
                .getString("sex"))
        .isEqualTo("female");
    try (Connection c = Sql.connect(dbUrl)) {
      assertThat(Sql.count(c, "SELECT count(*) FROM roster_user WHERE sourced_id LIKE 'u%'"))
          .isEqualTo(3);
    }
  }
}
