package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
  private static final Path ROOT = Path.of("..");
  private static final Path PETSTORE = ROOT.resolve("examples/petstore/src/main/openapi/petstore.json");

  record Example(String where, String yaml) {}

  static List<Example> examples() throws Exception {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<Example> examples = new ArrayList<>();
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```yaml")) {
          continue;
        }
        boolean illustrative = i > 0 && lines.get(i - 1).strip().equals("<!-- illustrative -->");
        int start = i + 1;
        StringBuilder yaml = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
          yaml.append(lines.get(i)).append('\n');
        }
        boolean overrides = yaml.toString().lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .findFirst().filter(line -> line.startsWith("operations:")).isPresent();
        if (overrides && !illustrative) {
          examples.add(new Example(ROOT.relativize(page) + ":" + start, yaml.toString()));
        }
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
