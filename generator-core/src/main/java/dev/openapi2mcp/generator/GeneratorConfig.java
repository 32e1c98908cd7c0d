package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.tool.FileParts;
import dev.openapi2mcp.generator.tool.ListingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Everything one generator run needs. Build tools (the Maven plugin, tests, the command line) map their own
 * parameters onto this record and call {@link Generator#run(GeneratorConfig)}; nothing else.
 *
 * <p>The shorter constructors and the {@code with…} methods give every other component its default, so that
 * callers keep compiling when components are added.
 *
 * @param apis the APIs whose operations become tools: one for a plain server, several (each with a namespace) for
 *     a service catalog; never empty
 * @param outputDirectory the root of the generated Java sources; owned by the generator (stale files removed)
 * @param packageName the Java package of the generated classes
 * @param serverName the MCP server name; also names the generated classes and credential variables
 * @param descriptionTemplate a user template for tool descriptions, or null for the default in templates/
 * @param maxToolNameLength the longest tool name allowed (MCP clients commonly cap names at 64)
 * @param allowRemoteRefs whether {@code http(s)} {@code $ref}s may be fetched and {@code $ref}s to files outside
 *     the spec's directory read; when false (the default), the run fails naming each one
 * @param fileParts how multipart file parts are handed over (default {@link FileParts#BASE64})
 * @param schemaBudget how large one tool schema may grow (default {@link SchemaBudget#DEFAULT})
 * @param tokenBudget the most tokens the whole {@code tools/list} answer may take by lint's estimate, or null for
 *     no limit; a run over it fails, naming the largest tools
 * @param reportDirectory where lint writes {@code lint.md} and {@code tools-list.json}, or null for nowhere
 * @param deploymentDirectory where the deployment files (Dockerfile, Kubernetes manifests) are written, or null for
 *     none (issue 5)
 * @param outputSchemaMaxBytes the largest output schema a tool keeps, in bytes of compact JSON after the schema
 *     budget (issue 6); a tool whose schema is larger gets none and returns its JSON as text only. 0 means no tool
 *     has an output schema; {@link Integer#MAX_VALUE} means every object response keeps its schema. Default
 *     {@value #DEFAULT_OUTPUT_SCHEMA_MAX_BYTES}
 * @param listing what else {@code tools/list} leaves out by default and can be asked to keep (issue 6; default
 *     {@link ListingOptions#DEFAULT})
 */
public record GeneratorConfig(
    List<ApiSource> apis,
    Path outputDirectory,
    String packageName,
    String serverName,
    Path descriptionTemplate,
    int maxToolNameLength,
    boolean allowRemoteRefs,
    FileParts fileParts,
    SchemaBudget schemaBudget,
    Integer tokenBudget,
    Path reportDirectory,
    Path deploymentDirectory,
    int outputSchemaMaxBytes,
    ListingOptions listing) {

  public static final int DEFAULT_MAX_TOOL_NAME_LENGTH = 64;

  /**
   * The package a lint run generates into, in memory only: the package of the generated classes changes nothing
   * the model sees, so lint needs none from the user.
   */
  public static final String LINT_PACKAGE = "openapi2mcp.lint";

  /**
   * The default of {@link #outputSchemaMaxBytes}: an output schema up to this size is kept, so that it never
   * outweighs a typical tool (the median GitHub tool without one is about 1.3 KB). Measured on GitHub's 656
   * object responses (docs/customization.md, "Output schemas"): 1 KB keeps the 251 small records for 120 KB;
   * 2 KB would keep 98 more for another 137 KB; all of them take 5.2 MB.
   */
  public static final int DEFAULT_OUTPUT_SCHEMA_MAX_BYTES = 0;

  public GeneratorConfig {
    apis = List.copyOf(Objects.requireNonNull(apis, "apis"));
    if (apis.isEmpty()) {
      throw new IllegalArgumentException("apis must name at least one OpenAPI description");
    }
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(serverName, "serverName");
    if (maxToolNameLength < 8) {
      throw new IllegalArgumentException("maxToolNameLength must be at least 8, was " + maxToolNameLength);
    }
    fileParts = fileParts == null ? FileParts.BASE64 : fileParts;
    schemaBudget = schemaBudget == null ? SchemaBudget.DEFAULT : schemaBudget;
    if (tokenBudget != null && tokenBudget < 1) {
      throw new IllegalArgumentException("tokenBudget must be at least 1, was " + tokenBudget);
    }
    if (outputSchemaMaxBytes < 0) {
      throw new IllegalArgumentException("outputSchemaMaxBytes must be 0 (no output schemas) or more, was "
          + outputSchemaMaxBytes);
    }
    listing = listing == null ? ListingOptions.DEFAULT : listing;
  }

  /**
   * A config of these APIs with every other setting at its default; change those with the {@code with…} methods.
   */
  public GeneratorConfig(List<ApiSource> apis, Path outputDirectory, String packageName, String serverName) {
    this(apis, outputDirectory, packageName, serverName, null, DEFAULT_MAX_TOOL_NAME_LENGTH, false, FileParts.BASE64,
        SchemaBudget.DEFAULT, null, null, null, DEFAULT_OUTPUT_SCHEMA_MAX_BYTES, ListingOptions.DEFAULT);
  }

  public GeneratorConfig(String inputSpec, Path outputDirectory, String packageName, String serverName,
      Path descriptionTemplate, int maxToolNameLength) {
    this(List.of(ApiSource.of(inputSpec)), outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, false, FileParts.BASE64, SchemaBudget.DEFAULT, null, null, null,
        DEFAULT_OUTPUT_SCHEMA_MAX_BYTES, ListingOptions.DEFAULT);
  }

  public GeneratorConfig(String inputSpec, Path outputDirectory, String packageName, String serverName) {
    this(inputSpec, outputDirectory, packageName, serverName, null, DEFAULT_MAX_TOOL_NAME_LENGTH);
  }

  /** The first API's description: the one a plain server has, and the one a catalog's messages start from. */
  public String inputSpec() {
    return apis.get(0).inputSpec();
  }

  /**
   * The descriptions this run reads, comma-separated: what a failure of the whole run is about. A catalog names
   * every API's file, since a failure headed with the first one alone points at the wrong file.
   */
  public String inputSpecs() {
    return apis.stream().map(ApiSource::inputSpec).collect(Collectors.joining(", "));
  }

  /** Whether this is a service catalog: more than one API, or APIs whose tool names carry a namespace. */
  public boolean catalog() {
    return apis.size() > 1 || apis.get(0).namespace() != null;
  }

  public GeneratorConfig withApis(List<ApiSource> values) {
    return new GeneratorConfig(values, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, fileParts, schemaBudget, tokenBudget, reportDirectory, deploymentDirectory,
        outputSchemaMaxBytes, listing);
  }

  /** Applies {@code change} to every API; the usual way to set a per-API option on a plain server. */
  public GeneratorConfig withEachApi(UnaryOperator<ApiSource> change) {
    List<ApiSource> changed = new ArrayList<>();
    apis.forEach(api -> changed.add(change.apply(api)));
    return withApis(changed);
  }

  public GeneratorConfig withServerVariables(Map<String, String> values) {
    return withEachApi(api -> api.withServerVariables(values));
  }

  public GeneratorConfig withServerUrl(String url) {
    return withEachApi(api -> api.withServerUrl(url));
  }

  public GeneratorConfig withAllowRemoteRefs(boolean allow) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allow, fileParts, schemaBudget, tokenBudget, reportDirectory, deploymentDirectory,
        outputSchemaMaxBytes, listing);
  }

  public GeneratorConfig withFileParts(FileParts mode) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, mode, schemaBudget, tokenBudget, reportDirectory, deploymentDirectory,
        outputSchemaMaxBytes, listing);
  }

  public GeneratorConfig withSchemaBudget(SchemaBudget budget) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, fileParts, budget, tokenBudget, reportDirectory, deploymentDirectory,
        outputSchemaMaxBytes, listing);
  }

  /** @param budget the most tokens {@code tools/list} may take, or null for no limit */
  public GeneratorConfig withTokenBudget(Integer budget) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, fileParts, schemaBudget, budget, reportDirectory, deploymentDirectory,
        outputSchemaMaxBytes, listing);
  }

  /** @param directory where lint writes its report files, or null for nowhere */
  public GeneratorConfig withReportDirectory(Path directory) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, fileParts, schemaBudget, tokenBudget, directory, deploymentDirectory,
        outputSchemaMaxBytes, listing);
  }

  /** @param directory where the deployment files are written, or null for none */
  public GeneratorConfig withDeploymentDirectory(Path directory) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, fileParts, schemaBudget, tokenBudget, reportDirectory, directory,
        outputSchemaMaxBytes, listing);
  }

  /**
   * @param maxBytes the largest output schema a tool keeps (compact JSON bytes); 0 for none, a large value for all
   */
  public GeneratorConfig withOutputSchemaMaxBytes(int maxBytes) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, fileParts, schemaBudget, tokenBudget, reportDirectory,
        deploymentDirectory, maxBytes, listing);
  }

  /** @param options what {@code tools/list} keeps beyond its defaults (issue 6) */
  public GeneratorConfig withListing(ListingOptions options) {
    return new GeneratorConfig(apis, outputDirectory, packageName, serverName, descriptionTemplate,
        maxToolNameLength, allowRemoteRefs, fileParts, schemaBudget, tokenBudget, reportDirectory,
        deploymentDirectory, outputSchemaMaxBytes, options);
  }
}
