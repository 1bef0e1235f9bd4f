package dev.lectern.platform.http;

import dev.lectern.platform.error.ApiException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Reads {@code int} and {@code long} parameters as {@link WholeNumbers}: anything else, or a value
 * outside the type, is a 400 naming the parameter, where JAX-RS would answer 404 for a query
 * parameter it cannot convert.
 */
@Provider
public class WholeNumberParamConverters implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name =
        Arrays.stream(annotations)
            .filter(QueryParam.class::isInstance)
            .map(a -> ((QueryParam) a).value())
            .findFirst()
            .orElse("the parameter");
    if (rawType == int.class || rawType == Integer.class) {
      return (ParamConverter<T>) converter(name, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
    }
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>) converter(name, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }
    return null;
  }

  private static ParamConverter<Object> converter(
      String name, long minimum, long maximum, boolean asInt) {
    return new ParamConverter<>() {
      @Override
      public Object fromString(String value) {
        long parsed =
            WholeNumbers.parse(value == null ? null : value.strip())
                .filter(v -> v > Long.MIN_VALUE && v < Long.MAX_VALUE)
                .filter(v -> v >= minimum && v <= maximum)
                .orElseThrow(() -> invalid(name, minimum, maximum));
        return asInt ? (Object) (int) parsed : (Object) parsed;
      }

      @Override
      public String toString(Object value) {
        return String.valueOf(value);
      }
    };
  }

  /**
   * JAX-RS turns any other exception of a converter into 404 for a query parameter; a
   * BadRequestException carrying Lectern's own failure is answered as that failure.
   */
  private static BadRequestException invalid(String name, long minimum, long maximum) {
    ApiException failure =
        new ApiException(
            400,
            "invalid_parameter",
            name + " must be a whole number from " + minimum + " to " + maximum + ".");
    return new BadRequestException(failure.getMessage(), failure);
  }
}
