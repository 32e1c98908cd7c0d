package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every overrides example in README.md and {@code docs/*.md} works as written against the Petstore example's
 * description (issue 12): each fenced {@code yaml} block whose top-level key is {@code operations} is given to
 * {@code lint --overrides}, which reads it with the generator's real overrides reader and applies it to the
 * operations and arguments the Petstore has; it must succeed without a warning. A block preceded by
 * {@code <!-- illustrative -->} shows a shape only (e.g. a catalog's {@code apis:}) and is skipped.
 */
class DocsOverridesTest {
  private static final Path PETSTORE = DocBlocks.ROOT.resolve("examples/petstore/src/main/openapi/petstore.json");

  record Example(String where, String yaml) {}

  static List<Example> examples() throws Exception {
    List<Example> examples = new ArrayList<>();
    for (DocBlocks.Block block : DocBlocks.fenced("yaml")) {
      boolean overrides = block.lines().stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .findFirst().filter(line -> line.startsWith("operations:")).isPresent();
      if (overrides && !block.illustrative()) {
        examples.add(new Example(block.where(), block.text()));
      }
    }
    return examples;
  }

  @Test
  void everyOverridesExampleAppliesToThePetstoreWithoutAWarning(@TempDir Path dir) throws Exception {
    List<Example> examples = examples();
    assertThat(examples).as("overrides examples in the pages").isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Example example : examples) {
      Path file = Files.writeString(dir.resolve("overrides.yaml"), example.yaml());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8))
          .run("lint", "--spec", PETSTORE.toString(), "--overrides", file.toString());
      String errors = err.toString(StandardCharsets.UTF_8);
      if (status != Cli.OK || !errors.isBlank()) {
        problems.add(example.where() + " -> exit " + status + ": " + errors);
      }
    }
    assertThat(problems).isEmpty();
  }
}
