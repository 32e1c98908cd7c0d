package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Command line" option table documents exactly the options the parser accepts. */
class ReadmeCommandLineTest {

  /** The rows of the first table in the README's "## Command line" section, first cell only. */
  private static List<String> documentedOptions() throws Exception {
    // Tests run in the module directory; the README is at the repository root.
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int start = lines.indexOf("## Command line");
    assertThat(start).as("README has a '## Command line' section").isNotNegative();
    return lines.subList(start + 1, lines.size()).stream()
        .takeWhile(line -> !line.startsWith("## "))
        .filter(line -> line.startsWith("| `--"))
        .map(line -> line.substring(2, line.indexOf("` |") + 1))
        .toList();
  }

  @Test
  void theOptionTableListsEveryOptionAndNoOther() throws Exception {
    List<String> expected = GenerateOptions.TABLE.stream()
        .map(option -> "`" + option.synopsis().replace("|", "\\|") + "`")
        .toList();

    assertThat(documentedOptions()).containsExactlyElementsOf(expected);
  }
}
