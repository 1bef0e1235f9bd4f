package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.delivery.ChartParameters.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every value of the chart is documented with a {@code ## @param} in values.yaml, and README.md's
 * parameter tables are exactly what those comments generate. After changing values.yaml, rewrite
 * the tables with {@code mvn test -Dtest=HelmReadmeTest -Dhelm.readme.write=true}.
 */
class HelmReadmeTest {

  @Test
  void everyValueIsDocumentedAndEveryParameterIsAValue() throws IOException {
    Map<String, Object> values = ChartParameters.values();
    List<String> documented = ChartParameters.parameters().stream().map(Parameter::path).toList();

    assertThat(documented).doesNotHaveDuplicates();
    for (String path : documented) {
      assertThat(ChartParameters.valueAt(values, path))
          .as("@param %s names no value", path)
          .isNotEqualTo(ChartParameters.Missing.VALUE);
    }
    for (String leaf : ChartParameters.leaves(values)) {
      assertThat(documented.stream().anyMatch(p -> leaf.equals(p) || leaf.startsWith(p + ".")))
          .as("%s has no ## @param", leaf)
          .isTrue();
    }
  }

  @Test
  void everyParameterSitsInASection() throws IOException {
    for (Parameter parameter : ChartParameters.parameters()) {
      assertThat(parameter.section()).as(parameter.path()).isNotEmpty();
    }
  }

  @Test
  void theReadmeTableIsGeneratedFromValues() throws IOException {
    String readme = Files.readString(ChartParameters.README);
    String generated = ChartParameters.readmeWithTable(readme);
    if (Boolean.getBoolean("helm.readme.write")) {
      Files.writeString(ChartParameters.README, generated);
      return;
    }
    assertThat(readme)
        .as("README.md's tables are stale: run with -Dhelm.readme.write=true")
        .isEqualTo(generated);
  }
}
