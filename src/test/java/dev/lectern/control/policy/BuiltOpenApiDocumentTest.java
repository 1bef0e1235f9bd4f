package dev.lectern.control.policy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Liberty serves the OpenAPI document the build wrote (annotation scanning at start is off), and
 * {@code RoutePolicyIT} holds every operation of that document against the route table: so the
 * document must name every resource method, or a new endpoint would escape that test.
 */
class BuiltOpenApiDocumentTest {

  private static final Map<Class<? extends Annotation>, String> VERBS =
      Map.of(
          GET.class, "get",
          POST.class, "post",
          PUT.class, "put",
          PATCH.class, "patch",
          DELETE.class, "delete");

  @Test
  void documentsEveryResourceMethodAndNothingElse() throws IOException {
    assertThat(documented()).isEqualTo(declared()).hasSizeGreaterThan(60);
  }

  /** {@code "verb /path"} of every operation in the built META-INF/openapi.yaml. */
  @SuppressWarnings("unchecked")
  private static Set<String> documented() throws IOException {
    Map<String, Object> document;
    try (InputStream in =
        Files.newInputStream(java.nio.file.Path.of("target/classes/META-INF/openapi.yaml"))) {
      document = new Yaml().load(in);
    }
    Map<String, Map<String, Object>> paths =
        (Map<String, Map<String, Object>>) document.get("paths");
    Set<String> operations = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            item.keySet().stream()
                .filter(VERBS::containsValue)
                .forEach(verb -> operations.add(verb + " " + path)));
    return operations;
  }

  /** {@code "verb /path"} of every resource method, its path templates without their patterns. */
  private static Set<String> declared() {
    return RoutePolicyDeclarationsTest.resourceMethods().stream()
        .filter(m -> VERBS.keySet().stream().anyMatch(m::isAnnotationPresent))
        .map(m -> verb(m) + " " + path(m))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String verb(Method method) {
    return VERBS.entrySet().stream()
        .filter(e -> method.isAnnotationPresent(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  private static String path(Method method) {
    String path =
        "/" + method.getDeclaringClass().getAnnotation(Path.class).value() + "/" + suffix(method);
    String template = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    return template.length() > 1 && template.endsWith("/")
        ? template.substring(0, template.length() - 1)
        : template;
  }

  private static String suffix(Method method) {
    Path path = method.getAnnotation(Path.class);
    return path == null ? "" : path.value();
  }
}
