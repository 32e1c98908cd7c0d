package dev.openapi2mcp.generator.cli;

import java.util.ArrayList;
import java.util.List;

/** The help text, built from the option table so that it cannot drift from what the parser accepts. */
public final class Usage {

  /** How the README and the help refer to the program. */
  public static final String PROGRAM = "java -jar openapi2mcp-cli.jar";

  /** Width of the option column; descriptions wrap so that lines stay within {@link #WIDTH}. */
  private static final int OPTION_COLUMN = 29;

  private static final int WIDTH = 100;

  private Usage() {}

  public static String text() {
    StringBuilder text = new StringBuilder();
    text.append("Usage: ").append(PROGRAM).append(" generate")
        .append(synopsis(GenerateOptions.TABLE)).append(" [options]\n");
    text.append("       ").append(PROGRAM).append(" help | --help | --version\n\n");
    text.append("Generates the Java sources of an MCP server from an OpenAPI description, one tool per operation,\n");
    text.append("to be compiled against openapi2mcp-runtime.\n\n");
    text.append("Options of generate (each takes one value: --option VALUE or --option=VALUE):\n");
    for (Option<GenerateOptions> option : GenerateOptions.TABLE) {
      List<String> lines = wrap((option.required() ? "required: " : "") + option.description());
      for (int i = 0; i < lines.size(); i++) {
        text.append(String.format("  %-" + OPTION_COLUMN + "s %s%n", i == 0 ? option.synopsis() : "", lines.get(i)));
      }
    }
    text.append("\nExit status: 0 generated, 1 generation failed (every problem is listed), 2 usage error,\n");
    text.append("3 internal error.\n");
    return text.toString();
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

  /** The required options, e.g. {@code  --spec FILE|URL --package PACKAGE}. */
  private static String synopsis(List<Option<GenerateOptions>> options) {
    StringBuilder synopsis = new StringBuilder();
    options.stream().filter(Option::required).forEach(o -> synopsis.append(' ').append(o.synopsis()));
    return synopsis.toString();
  }
}
