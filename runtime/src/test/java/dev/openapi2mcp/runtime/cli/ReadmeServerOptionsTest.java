package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.testing.SampleServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's server-option table ("## Run a generated server") documents exactly the options {@code --help} lists
 * (kept in step since issue 5 added the inbound-security options).
 */
class ReadmeServerOptionsTest {

  private static Set<String> documented() throws Exception {
    // Tests run in the module directory; the README is at the repository root.
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int start = lines.indexOf("## Run a generated server");
    assertThat(start).as("README has a '## Run a generated server' section").isNotNegative();
    Set<String> options = new TreeSet<>();
    lines.subList(start + 1, lines.size()).stream()
        .takeWhile(line -> !line.startsWith("## "))
        .filter(line -> line.startsWith("| `--"))
        .forEach(line -> options.add(line.substring(3, line.indexOf('`', 3))));
    return options;
  }

  private static Set<String> listedByHelp() {
    Pattern option = Pattern.compile("^  (?:-h, )?(--[a-z-]+)");
    Set<String> options = new TreeSet<>();
    for (String line : Usage.text(SampleServer.definition(), List.of(), null).split("\n")) {
      Matcher matcher = option.matcher(line);
      if (matcher.find()) {
        options.add(matcher.group(1));
      }
    }
    return options;
  }

  @Test
  void theTableListsEveryOptionOfHelpAndNoOther() throws Exception {
    assertThat(listedByHelp()).contains("--transport", "--oauth-issuer", "--help");
    assertThat(documented()).isEqualTo(listedByHelp());
  }
}
