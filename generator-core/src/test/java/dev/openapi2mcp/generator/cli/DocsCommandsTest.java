package dev.openapi2mcp.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.emit.JavaEmitter;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.runtime.cli.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shell command in README.md and {@code docs/*.md} runs as written (issue 12): each {@code openapi2mcp-cli.jar
 * generate|lint|init} command parses with the generator's own option parser and the files it names exist relative to the
 * repository root; each {@code java -jar SERVER.jar} command parses with the server's {@link CommandLine}; no command
 * carries a literal ellipsis to be typed. A block preceded by {@code <!-- illustrative -->} is an example with
 * placeholders and is only parsed, not checked for files or ellipses.
 */
class DocsCommandsTest {

  private static final Path ROOT = DocBlocks.ROOT;

  /** One command of a fenced {@code sh} block, continuation lines joined. */
  record Command(String page, int line, boolean illustrative, List<String> words) {
    @Override
    public String toString() {
      return page + ":" + line + ": " + String.join(" ", words);
    }
  }

  static List<Command> commands() throws Exception {
    List<Command> commands = new ArrayList<>();
    for (DocBlocks.Block block : DocBlocks.fenced("sh")) {
      StringBuilder current = new StringBuilder();
      int start = -1;
      for (int i = 0; i < block.lines().size(); i++) {
        String line = block.lines().get(i).strip();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
          continue;
        }
        if (start < 0) {
          start = block.line() + i;
        }
        if (line.endsWith("\\")) {
          current.append(line, 0, line.length() - 1).append(' ');
          continue;
        }
        current.append(line);
        for (String part : current.toString().split(" && ")) {
          commands.add(new Command(block.page(), start, block.illustrative(), words(part)));
        }
        current.setLength(0);
        start = -1;
      }
    }
    return commands;
  }

  /** Shell words: blanks separate, single and double quotes group. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** The words after {@code java -jar JAR}, or null when the command runs no jar. */
  private static List<String> jarArguments(Command command, String jarSuffix) {
    List<String> w = command.words();
    int java = w.indexOf("java");
    if (java < 0 || java + 2 >= w.size() || !w.get(java + 1).equals("-jar")
        || !w.get(java + 2).endsWith(jarSuffix)) {
      return null;
    }
    return w.subList(java + 3, w.size());
  }

  @Test
  void thePagesHaveCommandsToCheck() throws Exception {
    assertThat(commands()).anyMatch(c -> jarArguments(c, "openapi2mcp-cli.jar") != null)
        .anyMatch(c -> jarArguments(c, ".jar") != null && jarArguments(c, "openapi2mcp-cli.jar") == null);
  }

  @Test
  void everyGeneratorCommandParsesAndNamesFilesThatExist() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Command command : commands()) {
      List<String> args = jarArguments(command, "openapi2mcp-cli.jar");
      if (args == null || args.isEmpty() || args.get(0).startsWith("--")) {
        continue;
      }
      List<String> options = args.subList(1, args.size());
      try {
        Object parsed = switch (args.get(0)) {
          case "generate" -> GenerateOptions.parse(options);
          case "lint" -> GenerateOptions.parseLint(options);
          case "init" -> InitOptions.parse(options);
          default -> throw new UsageException("unknown command " + args.get(0));
        };
        assertThat(parsed).isNotNull();
      } catch (UsageException e) {
        problems.add(command + " -> " + e.getMessage());
        continue;
      }
      if (command.illustrative()) {
        continue;
      }
      for (int i = 0; i + 1 < options.size(); i++) {
        String option = options.get(i);
        String value = options.get(i + 1);
        if (option.equals("--api")) {
          value = value.substring(value.indexOf('=') + 1);
        }
        if ((option.equals("--spec") || option.equals("--api") || option.equals("--overrides"))
            && !value.startsWith("http") && !Files.isRegularFile(ROOT.resolve(value))) {
          problems.add(command + " -> " + value + " does not exist from the repository root");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyServerCommandParsesWithTheServersCommandLine() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Command command : commands()) {
      List<String> args = jarArguments(command, ".jar");
      if (args == null || jarArguments(command, "openapi2mcp-cli.jar") != null) {
        continue;
      }
      // The example servers (examples/*) take --demo themselves and hand every other argument to the server.
      List<String> serverArgs = new ArrayList<>(args);
      if (command.words().stream().anyMatch(w -> w.startsWith("examples/"))) {
        serverArgs.remove("--demo");
      }
      try {
        CommandLine.parse(serverArgs.toArray(String[]::new));
      } catch (dev.openapi2mcp.runtime.cli.UsageException e) {
        // An illustrative block names files of the reader's machine (a keystore, a CA) that this checkout lacks.
        if (!(command.illustrative() && e.getMessage().contains("must be a readable file"))) {
          problems.add(command + " -> " + e.getMessage());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void noCommandToTypeCarriesAnEllipsis() throws Exception {
    assertThat(commands()).filteredOn(c -> !c.illustrative())
        .filteredOn(c -> c.words().stream().anyMatch(w -> w.contains("…")))
        .isEmpty();
  }

  @Test
  void theReadmeSaysHowManyToolsOneToolsClassHoldsAndHowTheNextAreNamed() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md")).replaceAll("\\s+", " ");
    NamingStrategy naming = new NamingStrategy(64);

    assertThat(readme).contains("at most " + JavaEmitter.TOOLS_PER_CLASS + " tools each")
        .contains("(`" + naming.toolsClassName("myapi", 0) + "`, `" + naming.toolsClassName("myapi", 1) + "`, `"
            + naming.toolsClassName("myapi", 2) + "`, …)");
  }
}
