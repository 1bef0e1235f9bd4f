package dev.lectern.control.flags;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules, order, org lineage and percentage splits, evaluated without a server (pure logic). */
class FlagEvaluatorTest {

  private static final Map<String, JsonValue> ON_OFF =
      Map.of("on", JsonValue.TRUE, "off", JsonValue.FALSE);

  @Test
  void aPercentageSplitsTenThousandSubjectsWithinTwoPointsAndAlwaysAlike() {
    for (double percentage : new double[] {1, 10, 25, 50, 90}) {
      FlagDefinition flag = flag("rollout", List.of(rule(List.of(), List.of(), percentage, "on")));
      int on = 0;
      for (int i = 0; i < 10_000; i++) {
        FlagEvaluation first = FlagEvaluator.evaluate(flag, FlagContext.anonymous("subject-" + i));
        FlagEvaluation again = FlagEvaluator.evaluate(flag, FlagContext.anonymous("subject-" + i));
        assertThat(again.variant()).isEqualTo(first.variant());
        if (first.variant().equals("on")) {
          on++;
          assertThat(first.reason()).isEqualTo("SPLIT");
        } else {
          assertThat(first.reason()).isEqualTo("DEFAULT");
        }
      }
      assertThat(on / 100.0)
          .as("share on at " + percentage + "%")
          .isCloseTo(percentage, org.assertj.core.data.Offset.offset(2.0));
    }
  }

  @Test
  void twoFlagsSplitTheSameSubjectsIndependently() {
    int both = 0;
    for (int i = 0; i < 10_000; i++) {
      boolean a = FlagEvaluator.bucket("first", "s" + i) < 5_000;
      boolean b = FlagEvaluator.bucket("second", "s" + i) < 5_000;
      both += a && b ? 1 : 0;
    }
    assertThat(both / 100.0).isCloseTo(25.0, org.assertj.core.data.Offset.offset(2.0));
  }

  @Test
  void theFirstRuleThatHoldsWinsAndAnOrgCoversTheOrgsBelowIt() {
    FlagDefinition flag =
        flag(
            "pilot",
            List.of(
                new FlagRule(
                    "pilot district", List.of("district-1"), List.of(), List.of(), null, "on"),
                new FlagRule("operators", List.of(), List.of("operator"), List.of(), null, "on")));
    FlagContext schoolOfDistrict =
        new FlagContext("c1", List.of("school-7", "district-1"), "client", "c1");
    assertThat(FlagEvaluator.evaluate(flag, schoolOfDistrict).reason())
        .isEqualTo("TARGETING_MATCH");
    assertThat(FlagEvaluator.evaluate(flag, schoolOfDistrict).rule()).isZero();
    FlagContext otherDistrict =
        new FlagContext("c2", List.of("school-8", "district-2"), "client", "c2");
    assertThat(FlagEvaluator.evaluate(flag, otherDistrict).variant()).isEqualTo("off");
    assertThat(FlagEvaluator.evaluate(flag, FlagContext.account("ops", "operator")).rule())
        .isEqualTo(1);
    assertThat(FlagEvaluator.evaluate(flag, FlagContext.anonymous(null)).reason())
        .isEqualTo("DEFAULT");
  }

  @Test
  void aClientRuleNeedsThatClientAndAPercentageNeedsASubject() {
    FlagDefinition flag =
        flag(
            "clients",
            List.of(
                new FlagRule(null, List.of(), List.of(), List.of("lms-1"), null, "on"),
                rule(List.of(), List.of(), 100.0, "on")));
    assertThat(
            FlagEvaluator.evaluate(flag, new FlagContext("x", List.of(), "client", "lms-1")).rule())
        .isZero();
    assertThat(FlagEvaluator.evaluate(flag, FlagContext.anonymous(null)).variant())
        .isEqualTo("off");
    assertThat(FlagEvaluator.evaluate(flag, FlagContext.anonymous("someone")).reason())
        .isEqualTo("SPLIT");
  }

  @Test
  void aDefinitionIsReadBackAsWrittenAndEveryProblemIsNamed() {
    FlagDefinition flag =
        flag("round-trip", List.of(rule(List.of("org-1"), List.of("client"), 12.5, "on")));
    FlagDefinition read =
        FlagJson.read("round-trip", FlagJson.toJson(flag), flag.updatedAt(), flag.updatedBy());
    assertThat(read).isEqualTo(flag);
    var problems =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () ->
                FlagJson.read(
                    "Bad Key",
                    Json.createObjectBuilder()
                        .add("type", "boolean")
                        .add("variants", Json.createObjectBuilder().add("on", "yes"))
                        .add("defaultVariant", "maybe")
                        .add(
                            "rules",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("variant", "on")
                                        .add("percentage", 101)))
                        .build(),
                    Instant.now(),
                    "admin"),
            dev.lectern.platform.error.ApiException.class);
    assertThat(problems.details())
        .extracting(p -> p.field())
        .contains("key", "variants.on", "defaultVariant", "rules[0].percentage");
  }

  private static FlagRule rule(
      List<String> orgs, List<String> roles, Double percentage, String variant) {
    return new FlagRule(null, orgs, roles, List.of(), percentage, variant);
  }

  private static FlagDefinition flag(String key, List<FlagRule> rules) {
    return new FlagDefinition(
        key,
        FlagType.BOOLEAN,
        "",
        ON_OFF,
        "off",
        rules,
        Instant.parse("2026-12-04T00:00:00Z"),
        "admin");
  }
}
