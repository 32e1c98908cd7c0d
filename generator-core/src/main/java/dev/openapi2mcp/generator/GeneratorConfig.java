package dev.openapi2mcp.generator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one generator run needs. Build tools (the Maven plugin, tests, a future CLI) map their own
 * parameters onto this record and call {@link Generator#run(GeneratorConfig)}; nothing else.
 *
 * @param inputSpec the OpenAPI description: a file path or an {@code http(s)}/{@code file} URL, JSON or YAML
 * @param outputDirectory the root of the generated Java sources; owned by the generator (stale files removed)
 * @param packageName the Java package of the generated classes
 * @param serverName the MCP server name; also names the generated classes and credential variables
 * @param descriptionTemplate a user template for tool descriptions, or null for the default in templates/
 * @param maxToolNameLength the longest tool name allowed (MCP clients commonly cap names at 64)
 */
public record GeneratorConfig(
    String inputSpec,
    Path outputDirectory,
    String packageName,
    String serverName,
    Path descriptionTemplate,
    int maxToolNameLength) {

  public static final int DEFAULT_MAX_TOOL_NAME_LENGTH = 64;

  public GeneratorConfig {
    Objects.requireNonNull(inputSpec, "inputSpec");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(serverName, "serverName");
    if (maxToolNameLength < 8) {
      throw new IllegalArgumentException("maxToolNameLength must be at least 8, was " + maxToolNameLength);
    }
  }

  public GeneratorConfig(String inputSpec, Path outputDirectory, String packageName, String serverName) {
    this(inputSpec, outputDirectory, packageName, serverName, null, DEFAULT_MAX_TOOL_NAME_LENGTH);
  }
}
