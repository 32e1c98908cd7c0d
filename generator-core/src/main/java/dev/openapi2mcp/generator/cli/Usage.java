package dev.openapi2mcp.generator.cli;

import java.util.ArrayList;
import java.util.List;

/** The help text, built from the option tables so that it cannot drift from what the parser accepts. */
public final class Usage {

  /** How the README and the help refer to the program. */
  public static final String PROGRAM = "java -jar openapi2mcp-cli.jar";

  /** Width of the option column; descriptions wrap so that lines stay within {@link #WIDTH}. */
  private static final int OPTION_COLUMN = 30;

  private static final int WIDTH = 100;

  private Usage() {}

  public static String text() {
    StringBuilder text = new StringBuilder();
    text.append("Usage: ").append(PROGRAM).append(" generate APIS").append(requiredSynopsis(GenerateOptions.TABLE))
        .append(" [options]\n");
    text.append("       ").append(PROGRAM).append(" lint APIS [options]\n");
    text.append("       ").append(PROGRAM).append(" init").append(requiredSynopsis(InitOptions.TABLE))
        .append(" [options]\n");
    text.append("       ").append(PROGRAM).append(" help | --help | --version\n");
    text.append("APIS is ").append(synopsisOf("--spec")).append(" for a server of one API, or ")
        .append(synopsisOf("--api")).append(", repeated, for a catalog.\n\n");
    text.append("generate writes the Java sources of an MCP server, one tool per operation, to be compiled\n");
    text.append("against openapi2mcp-runtime. lint runs the same steps without writing sources: it prints the\n");
    text.append("lint table and the warnings, and writes lint.md and tools-list.json with --report-dir.\n\n");
    text.append("Options (--option VALUE or --option=VALUE; a flag takes no value):\n");
    for (Option<GenerateOptions> option : GenerateOptions.TABLE) {
      appendOption(text, option.synopsis(), marks(option) + option.description());
    }
    text.append("\ninit writes a new Maven project that builds a runnable server from one spec: pom.xml (the\n");
    text.append("plugin and runtime of this version, Java 17, the shaded jar target/NAME-mcp-server.jar) and\n");
    text.append("the spec in src/main/openapi/. Then: mvn package; java -jar target/NAME-mcp-server.jar.\n");
    text.append("Options of init:\n");
    for (Option<InitOptions> option : InitOptions.TABLE) {
      appendOption(text, option.synopsis(), (option.required() ? "required: " : "") + option.description());
    }
    text.append("\nFilter: an operation becomes a tool when it matches some --include-* rule (if any is given),\n");
    text.append("no --exclude-* rule, one --method (if any is given), and is safe (with --read-only). A tag,\n");
    text.append("operationId or method that does not exist fails the run. See docs/customization.md.\n");
    text.append("\nExit status: 0 generated or linted (warnings may have been printed); 1 failed: the spec,\n");
    text.append("the configuration or the overrides are invalid, or the tools exceed --token-budget (every\n");
    text.append("problem is listed); 2 usage error; 3 internal error.\n");
    return text.toString();
  }

  /** What the usage says before an option's description: whether it is required, repeatable, generate's alone. */
  static String marks(Option<GenerateOptions> option) {
    List<String> marks = new ArrayList<>();
    if (GenerateOptions.GENERATE_ONLY.contains(option.name())) {
      marks.add("generate only");
    }
    if (option.required()) {
      marks.add("required");
    }
    if (option.repeatable()) {
      marks.add("repeatable");
    }
    return marks.isEmpty() ? "" : String.join(", ", marks) + ": ";
  }

  /** Splits a description into lines that fit beside the option column, breaking between words. */
  static List<String> wrap(String description) {
    int width = WIDTH - OPTION_COLUMN - 3;
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : description.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** One row of an option table, its description wrapped beside the option column. */
  private static void appendOption(StringBuilder text, String synopsis, String description) {
    List<String> lines = wrap(description);
    for (int i = 0; i < lines.size(); i++) {
      text.append(String.format("  %-" + OPTION_COLUMN + "s %s%n", i == 0 ? synopsis : "", lines.get(i)));
    }
  }

  /** The required options of a command, e.g. {@code  --package PACKAGE --out DIR}. */
  private static <T> String requiredSynopsis(List<Option<T>> table) {
    StringBuilder synopsis = new StringBuilder();
    table.stream().filter(Option::required).forEach(o -> synopsis.append(' ').append(o.synopsis()));
    return synopsis.toString();
  }

  private static String synopsisOf(String name) {
    return GenerateOptions.TABLE.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().synopsis();
  }
}
