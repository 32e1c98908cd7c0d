package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.tool.FileParts;
import dev.openapi2mcp.generator.tool.ListingOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code generate} and {@code lint} and how they map onto {@link GeneratorConfig}, one field each.
 * {@code lint} takes every option of {@code generate} except those about the files only {@code generate} writes
 * ({@link #GENERATE_ONLY}).
 *
 * <p>To add an option: a field, a row in {@link #TABLE}, its place in {@link #toConfig()}, and its entry in
 * {@link #CONFIG_COMPONENTS}. Validation beyond "is it a number / a path / NAME=VALUE" stays with
 * {@link GeneratorConfig} and the generator, so that the command line and the Maven plugin accept exactly the same
 * configurations.
 *
 * <p>A server of one API comes from {@code --spec}; a service catalog from {@code --api NAMESPACE=SPEC}, repeated.
 * The filter and the overrides file apply to every API: one overrides file serves a whole catalog through its
 * {@code apis:} sections. The base URL and server variables belong to one API, so they go with {@code --spec} only.
 */
public final class GenerateOptions {

  /** The options {@code lint} refuses: it writes no sources and no deployment files, and needs no package. */
  static final Set<String> GENERATE_ONLY = Set.of("--package", "--out", "--deployment-dir");

  /** The option table of {@code generate}, in the order the usage lists it. */
  public static final List<Option<GenerateOptions>> TABLE = List.of(
      Option.optional("--spec", "FILE|URL",
          "the OpenAPI description (3.0, 3.1 or Swagger 2.0; JSON or YAML): a file or an http(s) URL;"
              + " give --spec or --api",
          (o, v) -> o.spec = v),
      Option.repeatable("--api", "NAMESPACE=SPEC",
          "an API of a service catalog, instead of --spec; its tool names and credential variables are"
              + " prefixed with NAMESPACE ([a-z][a-z0-9_-]*)",
          GenerateOptions::addApi),
      Option.required("--package", "PACKAGE", "the Java package of the generated classes",
          (o, v) -> o.packageName = v),
      Option.required("--out", "DIR",
          "where the sources go; the generator owns this directory (stale .java files are removed)",
          (o, v) -> o.outputDirectory = path("--out", v)),
      Option.optional("--server-name", "NAME",
          "the MCP server name, which also names the classes and credential variables"
              + " (default with --spec: the spec's file name without .json/.yaml/.yml; required with --api)",
          (o, v) -> o.serverName = v),
      Option.optional("--server-url", "URL",
          "the API base URL to generate instead of the spec's servers (with --spec only)",
          (o, v) -> o.serverUrl = v),
      Option.repeatable("--server-variable", "NAME=VALUE",
          "a value for a variable of the spec's first server, instead of its default (with --spec only)",
          GenerateOptions::addServerVariable),
      Option.repeatable("--include-tag", "TAG", "keep operations with this tag (see the filter rules below)",
          (o, v) -> o.includeTags.add(v)),
      Option.repeatable("--exclude-tag", "TAG", "drop operations with this tag",
          (o, v) -> o.excludeTags.add(v)),
      Option.repeatable("--include-operation", "ID", "keep the operation with this operationId",
          (o, v) -> o.includeOperations.add(v)),
      Option.repeatable("--exclude-operation", "ID", "drop the operation with this operationId",
          (o, v) -> o.excludeOperations.add(v)),
      Option.repeatable("--include-path", "GLOB",
          "keep operations whose path matches GLOB (* within a segment, ** across segments)",
          (o, v) -> o.includePaths.add(v)),
      Option.repeatable("--exclude-path", "GLOB", "drop operations whose path matches GLOB",
          (o, v) -> o.excludePaths.add(v)),
      Option.repeatable("--method", "METHOD", "keep only operations with this HTTP method (any case)",
          (o, v) -> o.methods.add(v)),
      Option.flag("--read-only", "keep only safe operations: GET, HEAD and OPTIONS",
          o -> o.readOnly = true),
      Option.optional("--overrides", "FILE",
          "the overrides file (YAML or JSON) customizing the tools; with --api, one file serves every API"
              + " through its apis: sections",
          (o, v) -> o.overrides = path("--overrides", v)),
      Option.optional("--max-tool-name-length", "N",
          "the longest tool name; longer names are shortened readably and kept unique (default: "
              + GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH + ")",
          (o, v) -> o.maxToolNameLength = integer("--max-tool-name-length", v)),
      Option.optional("--description-template", "FILE",
          "your own template for tool descriptions (default: the one in openapi2mcp-templates)",
          (o, v) -> o.descriptionTemplate = path("--description-template", v)),
      Option.optional("--file-parts", "base64|path|both",
          "how the model hands over multipart file parts: the bytes in the call, a local file inside the"
              + " server's --file-root, or either (default: base64)",
          GenerateOptions::setFileParts),
      Option.optional("--schema-max-depth", "N",
          "the deepest nesting of one tool's schema; deeper subtrees are cut, with a warning (default: "
              + SchemaBudget.DEFAULT_MAX_DEPTH + ")",
          GenerateOptions::setSchemaMaxDepth),
      Option.optional("--schema-max-bytes", "N",
          "the largest one tool's schema may be, in bytes of compact JSON; larger ones are cut, with a warning"
              + " (default: " + SchemaBudget.DEFAULT_MAX_BYTES + ")",
          GenerateOptions::setSchemaMaxBytes),
      Option.flag("--allow-remote-refs",
          "follow $refs to http(s) URLs and to files outside the spec's folder; without it each fails the run,"
              + " named",
          o -> o.allowRemoteRefs = true),
      Option.optional("--token-budget", "N",
          "fail when the tools/list answer is estimated at more than N tokens (default: no limit)",
          (o, v) -> o.tokenBudget = integer("--token-budget", v)),
      Option.optional("--output-schema-max-bytes", "N",
          "leave out output schemas larger than N bytes; 0 for none (default: "
              + GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES + ")",
          (o, v) -> o.outputSchemaMaxBytes = integer("--output-schema-max-bytes", v)),
      Option.flag("--keep-repeated-titles",
          "give every tool its title, also where the description begins with the same text (default: only"
              + " titles that say something else)",
          o -> o.listing = o.listing.withRepeatedTitles(true)),
      Option.flag("--keep-reference-sentences",
          "keep sentences that only point at a link, such as \"For more information, see X.\" (default: left"
              + " out, as the link target is)",
          o -> o.listing = o.listing.withReferenceSentences(true)),
      Option.optional("--report-dir", "DIR",
          "write lint.md and tools-list.json (what the model sees) into DIR (default: none)",
          (o, v) -> o.reportDirectory = path("--report-dir", v)),
      Option.optional("--deployment-dir", "DIR",
          "write a Dockerfile and Kubernetes manifests for the server into DIR (default: none)",
          (o, v) -> o.deploymentDirectory = path("--deployment-dir", v)));

  /** The option table of {@code lint}: {@link #TABLE} without {@link #GENERATE_ONLY}. */
  public static final List<Option<GenerateOptions>> LINT_TABLE = TABLE.stream()
      .filter(option -> !GENERATE_ONLY.contains(option.name()))
      .toList();

  /** Exactly one of these names the APIs. */
  static final OptionParser.ExactlyOne SPEC_OR_API = new OptionParser.ExactlyOne(List.of("--spec", "--api"));

  /**
   * The {@link GeneratorConfig} component behind each option, as a path of record components ({@code apis.filter}
   * reaches into every {@code ApiSource}), so that a value the config rejects is reported under the option's name
   * rather than the component's, and so that a test can hold each option to the component it sets.
   */
  static final Map<String, String> CONFIG_COMPONENTS = Map.ofEntries(
      Map.entry("--spec", "apis.inputSpec"),
      Map.entry("--api", "apis.namespace"),
      Map.entry("--package", "packageName"),
      Map.entry("--out", "outputDirectory"),
      Map.entry("--server-name", "serverName"),
      Map.entry("--server-url", "apis.serverUrl"),
      Map.entry("--server-variable", "apis.serverVariables"),
      Map.entry("--include-tag", "apis.filter.includeTags"),
      Map.entry("--exclude-tag", "apis.filter.excludeTags"),
      Map.entry("--include-operation", "apis.filter.includeOperations"),
      Map.entry("--exclude-operation", "apis.filter.excludeOperations"),
      Map.entry("--include-path", "apis.filter.includePaths"),
      Map.entry("--exclude-path", "apis.filter.excludePaths"),
      Map.entry("--method", "apis.filter.methods"),
      Map.entry("--read-only", "apis.filter.readOnly"),
      Map.entry("--overrides", "apis.overrides"),
      Map.entry("--max-tool-name-length", "maxToolNameLength"),
      Map.entry("--description-template", "descriptionTemplate"),
      Map.entry("--file-parts", "fileParts"),
      Map.entry("--schema-max-depth", "schemaBudget.maxDepth"),
      Map.entry("--schema-max-bytes", "schemaBudget.maxBytes"),
      Map.entry("--allow-remote-refs", "allowRemoteRefs"),
      Map.entry("--token-budget", "tokenBudget"),
      Map.entry("--output-schema-max-bytes", "outputSchemaMaxBytes"),
      Map.entry("--keep-repeated-titles", "listing.repeatedTitles"),
      Map.entry("--keep-reference-sentences", "listing.referenceSentences"),
      Map.entry("--report-dir", "reportDirectory"),
      Map.entry("--deployment-dir", "deploymentDirectory"));

  private String spec;
  private final List<ApiSource> apis = new ArrayList<>();
  private String packageName;
  private Path outputDirectory;
  private String serverName;
  private String serverUrl;
  private final Map<String, String> serverVariables = new LinkedHashMap<>();
  private final Set<String> includeTags = new LinkedHashSet<>();
  private final Set<String> excludeTags = new LinkedHashSet<>();
  private final Set<String> includeOperations = new LinkedHashSet<>();
  private final Set<String> excludeOperations = new LinkedHashSet<>();
  private final List<String> includePaths = new ArrayList<>();
  private final List<String> excludePaths = new ArrayList<>();
  private final Set<String> methods = new LinkedHashSet<>();
  private boolean readOnly;
  private Path overrides;
  private int maxToolNameLength = GeneratorConfig.DEFAULT_MAX_TOOL_NAME_LENGTH;
  private Path descriptionTemplate;
  private FileParts fileParts = FileParts.BASE64;
  private int schemaMaxDepth = SchemaBudget.DEFAULT_MAX_DEPTH;
  private int schemaMaxBytes = SchemaBudget.DEFAULT_MAX_BYTES;
  private boolean allowRemoteRefs;
  private Integer tokenBudget;
  private int outputSchemaMaxBytes = GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES;
  private ListingOptions listing = ListingOptions.DEFAULT;
  private Path reportDirectory;
  private Path deploymentDirectory;

  /** Parses the arguments that follow {@code generate}. */
  public static GenerateOptions parse(List<String> args) throws UsageException {
    return OptionParser.parse(TABLE, List.of(SPEC_OR_API), args, new GenerateOptions());
  }

  /**
   * Parses the arguments that follow {@code lint}. An option of {@code generate} alone is named as such, so that a
   * {@code generate} command line turned into a {@code lint} one gets a precise answer.
   */
  public static GenerateOptions parseLint(List<String> args) throws UsageException {
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (GENERATE_ONLY.contains(name)) {
        throw new UsageException("option " + name + " is for generate only: lint writes no sources");
      }
    }
    return OptionParser.parse(LINT_TABLE, List.of(SPEC_OR_API), args, new GenerateOptions());
  }

  /**
   * The generator configuration these options stand for. Paths are passed as given: relative ones resolve
   * against the working directory, and diagnostics show the spec exactly as the user typed it.
   *
   * @throws UsageException when no server name is given and none can be derived from the spec, when an option
   *     for one API comes with {@code --api}, or when the configuration rejects a value (naming the option)
   */
  public GeneratorConfig toConfig() throws UsageException {
    return toConfig(outputDirectory, packageName);
  }

  /**
   * The configuration {@code lint} runs: {@link #toConfig()} with placeholders for what lint does not write
   * ({@link GeneratorConfig#LINT_PACKAGE}, the working directory as the output directory it never writes to).
   */
  public GeneratorConfig toLintConfig() throws UsageException {
    return toConfig(Path.of("."), GeneratorConfig.LINT_PACKAGE);
  }

  private GeneratorConfig toConfig(Path outputDirectory, String packageName) throws UsageException {
    try {
      return new GeneratorConfig(apiSources(), outputDirectory, packageName, serverName(), descriptionTemplate,
          maxToolNameLength, allowRemoteRefs, fileParts, new SchemaBudget(schemaMaxDepth, schemaMaxBytes),
          tokenBudget, reportDirectory, deploymentDirectory, outputSchemaMaxBytes, listing);
    } catch (IllegalArgumentException e) {
      throw new UsageException(underOptionName(e.getMessage()));
    }
  }

  private List<ApiSource> apiSources() throws UsageException {
    ToolFilter filter = new ToolFilter(includeTags, excludeTags, includeOperations, excludeOperations,
        includePaths, excludePaths, methods, readOnly);
    if (spec != null) {
      return List.of(ApiSource.of(spec).withServerUrl(serverUrl).withServerVariables(serverVariables)
          .withFilter(filter).withOverrides(overrides));
    }
    if (serverUrl != null || !serverVariables.isEmpty()) {
      throw new UsageException((serverUrl != null ? "--server-url" : "--server-variable")
          + " belongs to a server of one API (--spec); a catalog's APIs keep their specs' servers, and a generated"
          + " catalog takes --base-url NAMESPACE=URL when it starts");
    }
    List<ApiSource> sources = new ArrayList<>();
    apis.forEach(api -> sources.add(api.withFilter(filter).withOverrides(overrides)));
    return sources;
  }

  private String serverName() throws UsageException {
    if (serverName != null) {
      return serverName;
    }
    if (spec == null) {
      throw new UsageException("a service catalog (--api) needs --server-name");
    }
    return ServerNames.fromSpec(spec);
  }

  private static void addApi(GenerateOptions options, String value) throws UsageException {
    int equals = value.indexOf('=');
    if (equals <= 0 || equals == value.length() - 1) {
      throw new UsageException("--api needs NAMESPACE=SPEC, was '" + value + "'");
    }
    options.apis.add(ApiSource.of(value.substring(equals + 1)).withNamespace(value.substring(0, equals)));
  }

  private static void addServerVariable(GenerateOptions options, String value) throws UsageException {
    int equals = value.indexOf('=');
    if (equals <= 0) {
      throw new UsageException("--server-variable needs NAME=VALUE, was '" + value + "'");
    }
    String name = value.substring(0, equals);
    if (options.serverVariables.putIfAbsent(name, value.substring(equals + 1)) != null) {
      throw new UsageException("--server-variable " + name + " is given more than once");
    }
  }

  private static void setFileParts(GenerateOptions options, String value) throws UsageException {
    try {
      options.fileParts = FileParts.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(underOptionName(e.getMessage()));
    }
  }

  // Each budget value is checked alone against the other's default, so that the message names its option.
  private static void setSchemaMaxDepth(GenerateOptions options, String value) throws UsageException {
    int depth = integer("--schema-max-depth", value);
    try {
      new SchemaBudget(depth, SchemaBudget.DEFAULT_MAX_BYTES);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--schema-max-depth: " + e.getMessage());
    }
    options.schemaMaxDepth = depth;
  }

  private static void setSchemaMaxBytes(GenerateOptions options, String value) throws UsageException {
    int bytes = integer("--schema-max-bytes", value);
    try {
      new SchemaBudget(SchemaBudget.DEFAULT_MAX_DEPTH, bytes);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--schema-max-bytes: " + e.getMessage());
    }
    options.schemaMaxBytes = bytes;
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
