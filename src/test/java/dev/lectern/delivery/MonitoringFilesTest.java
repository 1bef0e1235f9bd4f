package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonitoringFilesTest {

  @Test
  void findsMetricNamesButNotFunctionsLabelsOrKeywords() {
    assertThat(
            MonitoringFiles.metricNames(
                "histogram_quantile(0.95, sum by (job, le) (rate(a_bucket{route!=\"x\"}[5m])))"
                    + " / ignoring(le) group_left b_total and on (job) c > 0.5"
                    + " unless time() - max(d_seconds offset 1h) > 26 * 3600"))
        .containsExactly("a_bucket", "b_total", "c", "d_seconds");
  }
}
