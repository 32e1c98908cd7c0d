package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.GeneratorConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code generate} and how they map onto {@link GeneratorConfig}, one field each.
 *
 * <p>To add an option: a field, a row in {@link #TABLE}, its place in {@link #toConfig()}, and its entry in
 * {@link #CONFIG_COMPONENTS}. Validation beyond "is it a number / a path" stays with {@link GeneratorConfig} and
 * the generator, so that the command line and the Maven plugin accept exactly the same configurations.
 */
public final class GenerateOptions {

  /** The option table of {@code generate}, in the order the usage lists it. */
  public static final List<Option<GenerateOptions>> TABLE = List.of(
      new Option<>("--spec", "FILE|URL",
          "the OpenAPI description (3.0, 3.1 or Swagger 2.0; JSON or YAML): a file or an http(s) URL",
          true, (o, v) -> o.spec = v),
      new Option<>("--package", "PACKAGE", "the Java package of the generated classes",
          true, (o, v) -> o.packageName = v),
      new Option<>("--out", "DIR",
          "where the sources go; the generator owns this directory (stale .java files are removed)",
          true, (o, v) -> o.outputDirectory = path("--out", v)),
      new Option<>("--server-name", "NAME",
          "the MCP server name, which also names the classes and credential variables"
              + " (default: the spec's file name without .json/.yaml/.yml)",
          false, (o, v) -> o.serverName = v),
      new Option<>("--max-tool-name-length", "N",
          "the longest tool name; longer names are shortened readably and kept unique (default: "
              + GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH + ")",
          false, (o, v) -> o.maxToolNameLength = integer("--max-tool-name-length", v)),
      new Option<>("--description-template", "FILE",
          "your own template for tool descriptions (default: the one in openapi2mcp-templates)",
          false, (o, v) -> o.descriptionTemplate = path("--description-template", v)),
      new Option<>("--token-budget", "N",
          "fail when the tools/list answer is estimated at more than N tokens (default: no limit)",
          false, (o, v) -> o.tokenBudget = integer("--token-budget", v)),
      new Option<>("--output-schema-max-bytes", "N",
          "leave out output schemas larger than N bytes; 0 for none (default: "
              + GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES + ")",
          false, (o, v) -> o.outputSchemaMaxBytes = integer("--output-schema-max-bytes", v)),
      new Option<>("--report-dir", "DIR",
          "write lint.md and tools-list.json (what the model sees) into DIR (default: none)",
          false, (o, v) -> o.reportDirectory = path("--report-dir", v)));

  /**
   * The {@link GeneratorConfig} component behind each option, so that a value the config rejects is reported
   * under the option's name rather than the component's.
   */
  static final Map<String, String> CONFIG_COMPONENTS = Map.of(
      "--spec", "apis",
      "--package", "packageName",
      "--out", "outputDirectory",
      "--server-name", "serverName",
      "--max-tool-name-length", "maxToolNameLength",
      "--description-template", "descriptionTemplate",
      "--token-budget", "tokenBudget",
      "--output-schema-max-bytes", "outputSchemaMaxBytes",
      "--report-dir", "reportDirectory");

  private String spec;
  private String packageName;
  private Path outputDirectory;
  private String serverName;
  private int maxToolNameLength = GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH;
  private Path descriptionTemplate;
  private Integer tokenBudget;
  private int outputSchemaMaxBytes = GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES;
  private Path reportDirectory;

  /** Parses the arguments that follow {@code generate}. */
  public static GenerateOptions parse(List<String> args) throws UsageException {
    return OptionParser.parse(TABLE, args, new GenerateOptions());
  }

  /**
   * The generator configuration these options stand for. Paths are passed as given: relative ones resolve
   * against the working directory, and diagnostics show the spec exactly as the user typed it.
   *
   * @throws UsageException when no server name is given and none can be derived from the spec, or when the
   *     configuration rejects a value (naming the option)
   */
  public GeneratorConfig toConfig() throws UsageException {
    String name = serverName != null ? serverName : ServerNames.fromSpec(spec);
    try {
      return new GeneratorConfig(spec, outputDirectory, packageName, name, descriptionTemplate, maxToolNameLength)
          .withTokenBudget(tokenBudget)
          .withOutputSchemaMaxBytes(outputSchemaMaxBytes)
          .withReportDirectory(reportDirectory);
    } catch (IllegalArgumentException e) {
      throw new UsageException(underOptionName(e.getMessage()));
    }
  }

  private static String underOptionName(String message) {
    for (Option<GenerateOptions> option : TABLE) {
      String component = CONFIG_COMPONENTS.get(option.name());
      if (component != null && message.startsWith(component + " ")) {
        return option.name() + message.substring(component.length());
      }
    }
    return "invalid configuration: " + message;
  }

  private static Path path(String option, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(option + " is not a valid path: '" + value + "' (" + e.getReason() + ")");
    }
  }

  private static int integer(String option, String value) throws UsageException {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a whole number, was '" + value + "'");
    }
  }
}
