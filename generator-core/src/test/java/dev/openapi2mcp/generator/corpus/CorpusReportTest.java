package dev.openapi2mcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The corpus report counts flagships and the dev sample apart and names every failure with its stage and cause. */
class CorpusReportTest {
  private static SpecOutcome passed(String id, boolean flagship, int tools) {
    return new SpecOutcome(new CorpusSpec(id, Path.of(id + ".json"), flagship), Stage.PASSED, null, tools, 0,
        Map.of(Stage.GENERATE, 10L, Stage.COMPILE, 20L));
  }

  private static SpecOutcome failed(String id, boolean flagship, Stage stage, String cause) {
    return new SpecOutcome(new CorpusSpec(id, Path.of(id + ".json"), flagship), stage, cause, -1, 2,
        Map.of(Stage.GENERATE, 5L));
  }

  private final CorpusReport report = new CorpusReport("all", List.of(
      passed("github", true, 1223),
      failed("stripe", true, Stage.COMPILE, "1 diagnostic(s): error StripeTools.java:3: code too large"),
      passed("a.com", false, 3),
      passed("b.com", false, 4),
      passed("c.com", false, 5),
      failed("d.com", false, Stage.GENERATE, "1 error(s): a | b")), 61_500);

  @Test
  void passRatesAreCountedPerGroup() {
    assertThat(report.passRate(o -> o.spec().flagship())).isEqualTo(50.0);
    assertThat(report.passRate(o -> !o.spec().flagship())).isEqualTo(75.0);
    assertThat(report.passRate(o -> false)).as("an empty group has nothing failing").isEqualTo(100.0);
    assertThat(report.failures(o -> true)).extracting(o -> o.spec().id()).containsExactly("stripe", "d.com");
  }

  @Test
  void totalsGiveCountsPercentagesWallClockAndTools() {
    assertThat(report.totals().lines()).containsExactly(
        "flagships: 1/2 passed (50.0 %)",
        "dev sample: 3/4 passed (75.0 %)",
        "all: 4/6 passed (66.7 %)",
        "wall clock: 61.5 s, tools listed and checked: 1235");
  }

  @Test
  void everySpecIsARowWithItsStageTimingsAndEscapedCause() {
    List<String> rows = report.markdown("./mvnw verify").lines().filter(l -> l.startsWith("| ")).toList();

    assertThat(rows).as("header, separator, one row per spec").hasSize(2 + 6);
    assertThat(rows.get(3).split(" \\| ")).containsExactly("| stripe", "flagship", "**failed: compile**", "", "2",
        "5", "", "", "", "", "1 diagnostic(s): error StripeTools.java:3: code too large |");
    assertThat(rows.get(7)).contains("**failed: generate**").endsWith("1 error(s): a \\| b |");
    assertThat(rows.get(2)).startsWith("| github | flagship | passed | 1223 | 0 | 10 | 20 |");
  }

  @Test
  void aRandomDrawIsNotCalledTheDevSample() {
    CorpusReport random = new CorpusReport("random-2", List.of(passed("a.com", false, 1),
        failed("b.com", false, Stage.LIST, "x")), 1_000);

    assertThat(random.totals().lines()).first().isEqualTo("random sample: 1/2 passed (50.0 %)");
    assertThat(random.markdown("cmd")).contains("| b.com | random sample | **failed: list** |");
  }
}
