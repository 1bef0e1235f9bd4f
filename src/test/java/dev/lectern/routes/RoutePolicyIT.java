package dev.lectern.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.PrivateLectern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document, tried by every kind of caller in every path form, on a
 * server of its own ({@link PrivateLectern}): the plain path admits exactly the callers of the
 * reviewed table, a path with matrix parameters or an encoded separator is refused with 400 for
 * everyone, and a path written another way never gives more access. Admitted callers send unknown
 * ids or malformed bodies, so nothing destructive runs.
 */
@ExtendWith(PrivateLectern.class)
class RoutePolicyIT {

  private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405);

  private static Http http;
  private static RouteCallers callers;
  private static List<RouteOperation> operations;
  private static Map<String, Set<String>> table;

  @BeforeAll
  static void routes() {
    RouteFixture.Routes routes = RouteFixture.routes();
    http = routes.http();
    callers = routes.callers();
    operations = routes.operations();
    table = routes.table();
  }

  @Test
  void shouldListEveryOperationOfTheOpenApiDocumentInTheAccessTable() {
    Set<String> documented = RouteOperation.documented(http);
    assertThat(new TreeSet<>(documented))
        .as("operations of /openapi missing from route-access.txt")
        .isSubsetOf(table.keySet());
    assertThat(new TreeSet<>(table.keySet()))
        .as("operations of route-access.txt that /openapi no longer has")
        .isSubsetOf(documented);
  }

  @Test
  void shouldAdmitExactlyTheCallersTheTableNames() {
    SoftAssertions soft = new SoftAssertions();
    List<RouteCaller> signedIn = callers.signIn();
    for (RouteOperation operation : operations) {
      for (RouteCaller caller : signedIn) {
        HttpResult result = operation.send(http, operation.samplePath(), caller);
        String what = operation + " as " + caller.name() + " -> " + result;
        if (!caller.admittedBy(operation.admitted())) {
          soft.assertThat(result.status()).as(what).isEqualTo(caller.anonymous() ? 401 : 403);
        } else if (operation.admitted().contains("anyone")) {
          soft.assertThat(result.status()).as(what).isLessThan(500);
        } else {
          soft.assertThat(result.status()).as(what).isLessThan(500).isNotIn(401, 403);
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void shouldRefuseMatrixParametersAndEncodedSeparatorsForEveryone() {
    SoftAssertions soft = new SoftAssertions();
    List<RouteCaller> signedIn = callers.signIn();
    for (RouteOperation operation : operations) {
      for (String path : PathForms.refused(operation.samplePath())) {
        for (RouteCaller caller : signedIn) {
          HttpResult result = operation.send(http, path, caller);
          soft.assertThat(result.status())
              .as(operation.method() + " " + path + " as " + caller.name() + " -> " + result)
              .isEqualTo(400);
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void shouldGiveNoMoreAccessToAPathWrittenAnotherWay() {
    SoftAssertions soft = new SoftAssertions();
    List<RouteCaller> signedIn = callers.signIn();
    for (RouteOperation operation : operations) {
      for (String path : PathForms.rewritten(operation.samplePath())) {
        for (RouteCaller caller : signedIn) {
          HttpResult result = operation.send(http, path, caller);
          String what = operation.method() + " " + path + " as " + caller.name() + " -> " + result;
          if (caller.admittedBy(operation.admitted())) {
            soft.assertThat(result.status()).as(what).isLessThan(500);
          } else {
            soft.assertThat(result.status()).as(what).isIn(REFUSALS);
          }
        }
      }
    }
    soft.assertAll();
  }
}
