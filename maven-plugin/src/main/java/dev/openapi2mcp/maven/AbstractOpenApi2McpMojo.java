package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every goal shares (issue 4: {@code generate} and {@code lint} run the same pipeline, so they read
 * the same configuration) and the reporting of a failed run. {@link ConfigMapper} turns the parameters into a
 * {@link GeneratorConfig}; a goal adds its own parameters and decides what to do with the config.
 */
public abstract class AbstractOpenApi2McpMojo extends AbstractMojo {

  /** The OpenAPI description: a file path (relative paths resolve against the project directory) or a URL. */
  @Parameter(property = "openapi2mcp.inputSpec")
  String inputSpec;

  /** The APIs of a service catalog (issue 4), each {@code <api>} with a spec and a namespace; not with inputSpec. */
  @Parameter
  List<Api> apis;

  /** The MCP server name; it also names the generated classes and the credential variables. */
  @Parameter(property = "openapi2mcp.serverName", defaultValue = "${project.artifactId}")
  String serverName;

  /** Skips the goal. */
  @Parameter(property = "openapi2mcp.skip", defaultValue = "false")
  boolean skip;

  /** The longest tool name allowed; many MCP clients reject names longer than 64 characters. */
  @Parameter(property = "openapi2mcp.maxToolNameLength", defaultValue = "64")
  int maxToolNameLength;

  /** A template file for tool descriptions replacing the default one. */
  @Parameter(property = "openapi2mcp.descriptionTemplate")
  File descriptionTemplate;

  /**
   * Values for the variables of the spec's first server, overriding their defaults, e.g.
   * {@code <serverVariables><region>us</region></serverVariables>}. Naming a variable the server does not declare
   * fails the build.
   */
  @Parameter
  Map<String, String> serverVariables;

  /** The API base URL to generate instead of the spec's servers (an absolute http or https URL). */
  @Parameter(property = "openapi2mcp.serverUrl")
  String serverUrl;

  /**
   * Whether {@code $ref}s to http(s) URLs may be fetched, and {@code $ref}s to files outside the spec's directory
   * read, while generating. Off by default: the build then fails naming each such reference, so that a build never
   * depends on the network, nor copies files from elsewhere on the machine into the server, unless you say so.
   */
  @Parameter(property = "openapi2mcp.allowRemoteRefs", defaultValue = "false")
  boolean allowRemoteRefs;

  /**
   * How a model hands over the file parts of multipart bodies: {@code base64} (the bytes in the call),
   * {@code path} (a local file inside the server's {@code --file-root}) or {@code both}.
   */
  @Parameter(property = "openapi2mcp.fileParts", defaultValue = "base64")
  String fileParts;

  /** The deepest nesting of one tool's schema; deeper subtrees are cut, with a warning. */
  @Parameter(property = "openapi2mcp.schemaMaxDepth", defaultValue = "" + SchemaBudget.DEFAULT_MAX_DEPTH)
  int schemaMaxDepth;

  /** The largest one tool's schema may be, in bytes of compact JSON; larger schemas are cut, with a warning. */
  @Parameter(property = "openapi2mcp.schemaMaxBytes", defaultValue = "" + SchemaBudget.DEFAULT_MAX_BYTES)
  int schemaMaxBytes;

  /**
   * The most tokens the server's whole {@code tools/list} answer may take (estimated as UTF-8 bytes / 4); over it
   * the build fails, naming the largest tools. No limit by default.
   */
  @Parameter(property = "openapi2mcp.tokenBudget")
  Integer tokenBudget;

  /**
   * The largest output schema a tool keeps, in bytes of compact JSON (issue 6); a tool whose response schema is larger
   * gets none and returns its JSON as text only. {@code 0} leaves out every output schema.
   */
  @Parameter(property = "openapi2mcp.outputSchemaMaxBytes",
      defaultValue = "" + GeneratorConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES)
  int outputSchemaMaxBytes;

  /**
   * Give every tool its title, also where the description begins with the same text (issue 6). By default such a
   * title is left out of {@code tools/list}: the model reads the description; clients show the name instead.
   */
  @Parameter(property = "openapi2mcp.keepRepeatedTitles", defaultValue = "false")
  boolean keepRepeatedTitles;

  /**
   * Keep the sentences of the spec's descriptions that only point at a link ("For more information, see X.")
   * (issue 6). By default they are left out, as the link targets are: they point at nothing the model can open.
   */
  @Parameter(property = "openapi2mcp.keepReferenceSentences", defaultValue = "false")
  boolean keepReferenceSentences;

  /**
   * Where lint writes {@code lint.md} (findings per tool) and {@code tools-list.json} (the {@code tools/list}
   * answer as the server sends it).
   */
  @Parameter(property = "openapi2mcp.reportDirectory", defaultValue = "${project.build.directory}/openapi2mcp")
  File reportDirectory;

  /** Filter: keep operations with one of these tags (with the other include rules: any of them). */
  @Parameter(property = "openapi2mcp.includeTags")
  List<String> includeTags;

  /** Filter: drop operations with one of these tags. */
  @Parameter(property = "openapi2mcp.excludeTags")
  List<String> excludeTags;

  /** Filter: keep operations with one of these operationIds (with the other include rules: any of them). */
  @Parameter(property = "openapi2mcp.includeOperations")
  List<String> includeOperations;

  /** Filter: drop operations with one of these operationIds. */
  @Parameter(property = "openapi2mcp.excludeOperations")
  List<String> excludeOperations;

  /**
   * Filter: keep operations whose path template matches one of these globs ({@code *} within a segment,
   * {@code **} across segments); with the other include rules: any of them.
   */
  @Parameter(property = "openapi2mcp.includePaths")
  List<String> includePaths;

  /** Filter: drop operations whose path template matches one of these globs. */
  @Parameter(property = "openapi2mcp.excludePaths")
  List<String> excludePaths;

  /** Filter: keep only operations with one of these HTTP methods (any case). */
  @Parameter(property = "openapi2mcp.methods")
  List<String> methods;

  /** Filter: keep only safe operations (GET, HEAD and OPTIONS). */
  @Parameter(property = "openapi2mcp.readOnly", defaultValue = "false")
  boolean readOnly;

  /**
   * The overrides file (YAML or JSON) of the tools. When not set, {@code src/main/openapi2mcp/overrides.yaml} is
   * used if it exists; a file set here must exist.
   */
  @Parameter(property = "openapi2mcp.overrides")
  File overrides;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The top-level filter rules. */
  FilterRules filterRules() {
    return new FilterRules(includeTags, excludeTags, includeOperations, excludeOperations, includePaths,
        excludePaths, methods, readOnly);
  }

  /**
   * The config of this goal's run, its classes in {@code packageName}; a user error in the parameters fails the
   * build naming it.
   */
  GeneratorConfig config(File outputDirectory, String packageName) throws MojoFailureException {
    try {
      return ConfigMapper.map(this, outputDirectory, packageName);
    } catch (IllegalArgumentException e) {
      // Impossible values (e.g. a tiny maxToolNameLength, inputSpec and apis together): a user error, not a bug.
      throw new MojoFailureException("openapi2mcp: invalid configuration: " + e.getMessage());
    }
  }

  /** The build failure for a failed run, after printing its warnings as Maven warnings. */
  MojoFailureException failure(Reports.Run run, GeneratorConfig config, GenerationException e) {
    e.diagnostics().stream()
        .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
        .forEach(d -> getLog().warn(Reports.warning(d)));
    // No cause attached: Maven would print the cause's message after ours, listing every diagnostic twice.
    return new MojoFailureException(Reports.failure(run, config.inputSpecs(), e));
  }
}
