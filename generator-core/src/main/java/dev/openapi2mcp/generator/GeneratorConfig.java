package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.tool.FileParts;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one generator run needs. Build tools (the Maven plugin, tests, the command line) map their own
 * parameters onto this record and call {@link Generator#run(GeneratorConfig)}; nothing else.
 *
 * <p>Only the first four components are required; the shorter constructors and the {@code with…} methods give
 * every other one its default, so that callers keep compiling when components are added.
 *
 * @param inputSpec the OpenAPI description: a file path or an {@code http(s)}/{@code file} URL, JSON or YAML
 * @param outputDirectory the root of the generated Java sources; owned by the generator (stale files removed)
 * @param packageName the Java package of the generated classes
 * @param serverName the MCP server name; also names the generated classes and credential variables
 * @param descriptionTemplate a user template for tool descriptions, or null for the default in templates/
 * @param maxToolNameLength the longest tool name allowed (MCP clients commonly cap names at 64)
 * @param serverVariables values for the variables of the spec's first server, overriding their defaults; empty
 *     by default
 * @param serverUrl the API base URL to generate in place of the spec's servers, or null to take it from the spec
 * @param allowRemoteRefs whether {@code http(s)} {@code $ref}s may be fetched; when false (the default), the run
 *     fails naming each one
 * @param fileParts how multipart file parts are handed over (default {@link FileParts#BASE64})
 * @param schemaBudget how large one tool schema may grow (default {@link SchemaBudget#DEFAULT})
 */
public record GeneratorConfig(
    String inputSpec,
    Path outputDirectory,
    String packageName,
    String serverName,
    Path descriptionTemplate,
    int maxToolNameLength,
    Map<String, String> serverVariables,
    String serverUrl,
    boolean allowRemoteRefs,
    FileParts fileParts,
    SchemaBudget schemaBudget) {

  public static final int DEFAULT_MAX_TOOL_NAME_LENGTH = 64;

  public GeneratorConfig {
    Objects.requireNonNull(inputSpec, "inputSpec");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(serverName, "serverName");
    if (maxToolNameLength < 8) {
      throw new IllegalArgumentException("maxToolNameLength must be at least 8, was " + maxToolNameLength);
    }
    serverVariables = serverVariables == null
        ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(serverVariables));
    serverUrl = serverUrl == null || serverUrl.isBlank() ? null : serverUrl.strip();
    fileParts = fileParts == null ? FileParts.BASE64 : fileParts;
    schemaBudget = schemaBudget == null ? SchemaBudget.DEFAULT : schemaBudget;
  }

  public GeneratorConfig(String inputSpec, Path outputDirectory, String packageName, String serverName,
      Path descriptionTemplate, int maxToolNameLength) {
    this(inputSpec, outputDirectory, packageName, serverName, descriptionTemplate, maxToolNameLength, Map.of(),
        null, false, FileParts.BASE64, SchemaBudget.DEFAULT);
  }

  public GeneratorConfig(String inputSpec, Path outputDirectory, String packageName, String serverName) {
    this(inputSpec, outputDirectory, packageName, serverName, null, DEFAULT_MAX_TOOL_NAME_LENGTH);
  }

  public GeneratorConfig withServerVariables(Map<String, String> values) {
    return new GeneratorConfig(inputSpec, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, values, serverUrl, allowRemoteRefs, fileParts, schemaBudget);
  }

  public GeneratorConfig withServerUrl(String url) {
    return new GeneratorConfig(inputSpec, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, serverVariables, url, allowRemoteRefs, fileParts, schemaBudget);
  }

  public GeneratorConfig withAllowRemoteRefs(boolean allow) {
    return new GeneratorConfig(inputSpec, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, serverVariables, serverUrl, allow, fileParts, schemaBudget);
  }

  public GeneratorConfig withFileParts(FileParts mode) {
    return new GeneratorConfig(inputSpec, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, serverVariables, serverUrl, allowRemoteRefs, mode, schemaBudget);
  }

  public GeneratorConfig withSchemaBudget(SchemaBudget budget) {
    return new GeneratorConfig(inputSpec, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, serverVariables, serverUrl, allowRemoteRefs, fileParts, budget);
  }
}
