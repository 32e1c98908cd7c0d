package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Command line" option table documents exactly the options the parser accepts, and how. */
class ReadmeCommandLineTest {

  /** One row of the table: the option cell (backticks included) and the default cell. */
  record Row(String option, String defaults) {}

  /** The rows of the first table in the README's "## Command line" section. */
  private static List<Row> documentedOptions() throws Exception {
    // Tests run in the module directory; the README is at the repository root.
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int start = lines.indexOf("## Command line");
    assertThat(start).as("README has a '## Command line' section").isNotNegative();
    return lines.subList(start + 1, lines.size()).stream()
        .takeWhile(line -> !line.startsWith("## "))
        .filter(line -> line.startsWith("| `--"))
        .map(line -> {
          List<String> cells = cells(line);
          return new Row(cells.get(0), cells.get(1));
        })
        .toList();
  }

  /** The cells of a Markdown table row; {@code \|} inside a cell is no separator. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    String inner = line.substring(1, line.lastIndexOf('|'));
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '|' && inner.charAt(i - 1) != '\\') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }

  @Test
  void theOptionTableListsEveryOptionAndNoOther() throws Exception {
    List<String> expected = GenerateOptions.TABLE.stream()
        .map(option -> "`" + option.synopsis().replace("|", "\\|") + "`")
        .toList();

    assertThat(documentedOptions()).map(Row::option).containsExactlyElementsOf(expected);
  }

  @Test
  void theTableSaysWhichOptionsAreRepeatableRequiredOrForGenerateOnly() throws Exception {
    List<Row> rows = documentedOptions();
    for (int i = 0; i < rows.size(); i++) {
      Option<GenerateOptions> option = GenerateOptions.TABLE.get(i);
      String defaults = rows.get(i).defaults();
      assertThat(defaults.contains("repeatable")).as("%s: %s", option.name(), defaults)
          .isEqualTo(option.repeatable());
      assertThat(defaults.contains("required by `generate`") || defaults.contains("`generate` only"))
          .as("%s: %s", option.name(), defaults)
          .isEqualTo(GenerateOptions.GENERATE_ONLY.contains(option.name()));
    }
  }
}
