package dev.openapi2mcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus harness itself, on specs of this module rather than the corpus: a good spec goes through every stage,
 * and a broken one stops at the stage that broke, with the cause.
 */
class SpecRunnerTest {
  @TempDir
  Path work;

  private SpecRunner runner() {
    return new SpecRunner(work.resolve("corpus"), SpecRunner.testClassPath(), Duration.ofSeconds(60), false);
  }

  @Test
  void petstoreGoesThroughEveryStageAndItsWorkFilesAreRemoved() {
    CorpusSpec spec = new CorpusSpec("petstore", Specs.path("petstore.json"), true);

    SpecOutcome outcome = runner().run(spec);

    assertThat(outcome.cause()).isNull();
    assertThat(outcome.stage()).isEqualTo(Stage.PASSED);
    assertThat(outcome.tools()).isEqualTo(20);
    assertThat(outcome.millis()).containsOnlyKeys(Stage.GENERATE, Stage.COMPILE, Stage.START, Stage.LIST,
        Stage.SCHEMAS);
    assertThat(work.resolve("corpus").resolve(spec.directoryName())).doesNotExist();
  }

  @Test
  void aSpecThatDoesNotParseStopsAtGenerateWithTheParsersMessage() throws Exception {
    Path broken = work.resolve("broken.yaml");
    Files.writeString(broken, "openapi: 3.0.3\ninfo: {title: Broken\n", StandardCharsets.UTF_8);

    SpecOutcome outcome = runner().run(new CorpusSpec("broken", broken, false));

    assertThat(outcome.stage()).isEqualTo(Stage.GENERATE);
    assertThat(outcome.cause()).startsWith("1 error(s): ").contains("broken.yaml");
    assertThat(outcome.tools()).isEqualTo(-1);
    assertThat(outcome.relativeTo(work).cause()).doesNotContain(work.toString()).contains("broken.yaml");
  }
}
