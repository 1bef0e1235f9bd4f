package dev.lectern.routes;

import dev.lectern.testing.Http;
import dev.lectern.testing.PrivateLectern;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The callers and operations every route test tries, on the {@link PrivateLectern}: built once, by
 * the first test class that asks.
 */
final class RouteFixture {

  record Routes(
      Http http,
      RouteCallers callers,
      List<RouteOperation> operations,
      Map<String, Set<String>> table) {}

  private static Routes routes;

  private RouteFixture() {}

  static synchronized Routes routes() {
    if (routes == null) {
      PrivateLectern.Instance lectern = PrivateLectern.instance();
      Http http = lectern.http();
      Map<String, Set<String>> table = RouteTable.load();
      routes =
          new Routes(
              http,
              RouteCallers.create(http, lectern.fixture().id("school-1")),
              RouteOperation.fromOpenApi(http, table),
              table);
    }
    return routes;
  }
}
