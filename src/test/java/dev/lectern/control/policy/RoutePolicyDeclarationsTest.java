package dev.lectern.control.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.control.audit.Audited;
import dev.lectern.control.audit.NotAudited;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of the application declares who may call it, its rate decision and its mode
 * exposure, on itself or its class, and every method that changes something its audit decision, so
 * a new endpoint cannot forget one.
 */
class RoutePolicyDeclarationsTest {

  private static final List<Class<? extends Annotation>> VERBS =
      List.of(GET.class, HEAD.class, POST.class, PUT.class, PATCH.class, DELETE.class);

  @Test
  void shouldFindTheResources() {
    assertThat(resourceMethods()).hasSizeGreaterThan(60);
  }

  @Test
  void shouldDeclareAccessOnEveryResourceMethod() {
    assertThat(resourceMethods())
        .allSatisfy(m -> assertThat(declares(m, Access.class)).as(name(m)).isTrue());
  }

  @Test
  void shouldDeclareExactlyOneRateDecisionOnEveryResourceMethod() {
    assertThat(resourceMethods())
        .allSatisfy(
            m ->
                assertThat(declares(m, RateTier.class) ^ declares(m, RateExempt.class))
                    .as(name(m))
                    .isTrue());
  }

  @Test
  void shouldDeclareAModeExposureOnEveryResourceMethod() {
    assertThat(resourceMethods())
        .allSatisfy(m -> assertThat(declares(m, ModePolicy.class)).as(name(m)).isTrue());
  }

  @Test
  void shouldDeclareAnAuditDecisionOnEveryMethodThatChangesSomething() {
    List<Class<? extends Annotation>> changes =
        List.of(POST.class, PUT.class, PATCH.class, DELETE.class);
    assertThat(resourceMethods())
        .filteredOn(m -> changes.stream().anyMatch(m::isAnnotationPresent))
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(
                        m.isAnnotationPresent(Audited.class)
                            ^ m.isAnnotationPresent(NotAudited.class))
                    .as(name(m))
                    .isTrue());
  }

  private static boolean declares(Method method, Class<? extends Annotation> policy) {
    return method.isAnnotationPresent(policy)
        || method.getDeclaringClass().isAnnotationPresent(policy);
  }

  private static String name(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  /** The methods with an HTTP verb of every {@code @Path} class compiled into the application. */
  static List<Method> resourceMethods() {
    java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
    List<Method> methods = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.');
        Class<?> type =
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                RoutePolicyDeclarationsTest.class.getClassLoader());
        if (!type.isAnnotationPresent(Path.class)) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          if (VERBS.stream().anyMatch(method::isAnnotationPresent)) {
            methods.add(method);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return methods;
  }
}
