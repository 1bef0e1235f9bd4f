package dev.lectern.control.flags;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;

/**
 * Lectern's OpenFeature provider: flags as {@link FlagService} serves them. The context's targeting
 * key is the subject; attributes {@code orgs} (a list: the caller's orgs and those above them),
 * {@code role} and {@code client} feed the rules. A value of the wrong type is a TYPE_MISMATCH, so
 * the caller's default applies.
 */
final class LecternFlagProvider implements FeatureProvider {

  private final FlagService flags;

  LecternFlagProvider(FlagService flags) {
    this.flags = flags;
  }

  @Override
  public Metadata getMetadata() {
    return () -> "lectern";
  }

  @Override
  public ProviderEvaluation<Boolean> getBooleanEvaluation(
      String key, Boolean fallback, EvaluationContext context) {
    return resolve(
        key,
        fallback,
        context,
        v -> v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE : null);
  }

  @Override
  public ProviderEvaluation<String> getStringEvaluation(
      String key, String fallback, EvaluationContext context) {
    return resolve(key, fallback, context, v -> v instanceof JsonString s ? s.getString() : null);
  }

  @Override
  public ProviderEvaluation<Integer> getIntegerEvaluation(
      String key, Integer fallback, EvaluationContext context) {
    return resolve(
        key,
        fallback,
        context,
        v -> v instanceof JsonNumber n && n.isIntegral() ? n.intValue() : null);
  }

  @Override
  public ProviderEvaluation<Double> getDoubleEvaluation(
      String key, Double fallback, EvaluationContext context) {
    return resolve(key, fallback, context, v -> v instanceof JsonNumber n ? n.doubleValue() : null);
  }

  @Override
  public ProviderEvaluation<Value> getObjectEvaluation(
      String key, Value fallback, EvaluationContext context) {
    return resolve(key, fallback, context, v -> new Value(v.toString()));
  }

  private <T> ProviderEvaluation<T> resolve(
      String key, T fallback, EvaluationContext context, Function<JsonValue, T> convert) {
    FlagEvaluation evaluation = flags.evaluate(key, of(context));
    if ("ERROR".equals(evaluation.reason()) && evaluation.value() == null) {
      return ProviderEvaluation.<T>builder()
          .value(fallback)
          .reason("ERROR")
          .errorCode(ErrorCode.FLAG_NOT_FOUND)
          .errorMessage(evaluation.error())
          .build();
    }
    T value = convert.apply(evaluation.value());
    if (value == null) {
      return ProviderEvaluation.<T>builder()
          .value(fallback)
          .reason("ERROR")
          .errorCode(ErrorCode.TYPE_MISMATCH)
          .errorMessage("flag " + key + " is not of the type asked for")
          .build();
    }
    return ProviderEvaluation.<T>builder()
        .value(value)
        .variant(evaluation.variant())
        .reason(evaluation.reason())
        .errorMessage(evaluation.error())
        .build();
  }

  static FlagContext of(EvaluationContext context) {
    if (context == null) {
      return FlagContext.anonymous(null);
    }
    Value orgs = context.getValue("orgs");
    List<String> lineage =
        orgs != null && orgs.isList()
            ? orgs.asList().stream().filter(Value::isString).map(Value::asString).toList()
            : List.of();
    return new FlagContext(
        context.getTargetingKey(), lineage, text(context, "role"), text(context, "client"));
  }

  private static String text(EvaluationContext context, String name) {
    Value value = context.getValue(name);
    return value != null && value.isString() ? value.asString() : null;
  }
}
