package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.tool.FileParts;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the Java sources of an MCP server from an OpenAPI description and adds them to the compile source
 * roots.
 *
 * <p>This goal only maps its parameters onto {@link GeneratorConfig}, calls {@link Generator#run(GeneratorConfig)} and
 * reports what came back (see {@link GenerationLog}). Everything else belongs to the generator.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /** The OpenAPI description: a file path (relative paths resolve against the project directory) or a URL. */
  @Parameter(property = "openapi2mcp.inputSpec")
  private String inputSpec;

  /** The APIs of a service catalog (issue 4), each {@code <api>} with a spec and a namespace; not with inputSpec. */
  @Parameter
  private List<Api> apis;

  /** The Java package of the generated classes. */
  @Parameter(property = "openapi2mcp.packageName", required = true)
  private String packageName;

  /** The MCP server name; it also names the generated classes and the credential variables. */
  @Parameter(property = "openapi2mcp.serverName", defaultValue = "${project.artifactId}")
  private String serverName;

  /** Where the sources go. The generator owns this directory: files it did not produce are removed. */
  @Parameter(
      property = "openapi2mcp.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/openapi2mcp")
  private File outputDirectory;

  /** Skips generation (and does not add the output directory to the source roots). */
  @Parameter(property = "openapi2mcp.skip", defaultValue = "false")
  private boolean skip;

  /** The longest tool name allowed; many MCP clients reject names longer than 64 characters. */
  @Parameter(property = "openapi2mcp.maxToolNameLength", defaultValue = "64")
  private int maxToolNameLength;

  /** A template file for tool descriptions replacing the default one. */
  @Parameter(property = "openapi2mcp.descriptionTemplate")
  private File descriptionTemplate;

  /**
   * Values for the variables of the spec's first server, overriding their defaults, e.g.
   * {@code <serverVariables><region>us</region></serverVariables>}. Naming a variable the server does not declare
   * fails the build.
   */
  @Parameter
  private Map<String, String> serverVariables;

  /** The API base URL to generate instead of the spec's servers (an absolute http or https URL). */
  @Parameter(property = "openapi2mcp.serverUrl")
  private String serverUrl;

  /**
   * Whether {@code $ref}s to http(s) URLs may be fetched while generating. Off by default: the build then fails
   * naming each remote reference, so that a build never depends on the network unless you say so.
   */
  @Parameter(property = "openapi2mcp.allowRemoteRefs", defaultValue = "false")
  private boolean allowRemoteRefs;

  /**
   * How a model hands over the file parts of multipart bodies: {@code base64} (the bytes in the call),
   * {@code path} (a local file inside the server's {@code --file-root}) or {@code both}.
   */
  @Parameter(property = "openapi2mcp.fileParts", defaultValue = "base64")
  private String fileParts;

  /** The deepest nesting of one tool's schema; deeper subtrees are cut, with a warning. */
  @Parameter(property = "openapi2mcp.schemaMaxDepth", defaultValue = "" + SchemaBudget.DEFAULT_MAX_DEPTH)
  private int schemaMaxDepth;

  /** The largest one tool's schema may be, in bytes of compact JSON; larger schemas are cut, with a warning. */
  @Parameter(property = "openapi2mcp.schemaMaxBytes", defaultValue = "" + SchemaBudget.DEFAULT_MAX_BYTES)
  private int schemaMaxBytes;

  /**
   * The most tokens the server's whole {@code tools/list} answer may take (estimated as UTF-8 bytes / 4); over it
   * the build fails, naming the largest tools. No limit by default.
   */
  @Parameter(property = "openapi2mcp.tokenBudget")
  private Integer tokenBudget;

  /**
   * Where lint writes {@code lint.md} (findings per tool) and {@code tools-list.json} (the {@code tools/list}
   * answer as the server sends it). None by default.
   */
  @Parameter(property = "openapi2mcp.reportDirectory")
  private File reportDirectory;

  /**
   * Where the deployment files go (a Dockerfile running the server stateless over HTTP, Kubernetes Deployment,
   * Service and HorizontalPodAutoscaler); none are written when unset.
   */
  @Parameter(property = "openapi2mcp.deploymentDirectory")
  private File deploymentDirectory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("openapi2mcp: skipped (openapi2mcp.skip=true)");
      return;
    }
    GenerationLog.generate(toConfig(), serverName, getLog());
    // Added even when nothing changed: every build needs the root to compile the generated sources.
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
  }

  private GeneratorConfig toConfig() throws MojoFailureException {
    try {
      return new GeneratorConfig(
          ApiSources.of(inputSpec, serverUrl, serverVariables, apis, project.getBasedir().toPath()),
          outputDirectory.toPath(), packageName, serverName,
          descriptionTemplate == null ? null : descriptionTemplate.toPath(),
          maxToolNameLength, false, null, null)
          .withAllowRemoteRefs(allowRemoteRefs)
          .withFileParts(FileParts.parse(fileParts))
          .withSchemaBudget(new SchemaBudget(schemaMaxDepth, schemaMaxBytes))
          .withTokenBudget(tokenBudget)
          .withReportDirectory(reportDirectory == null ? null : reportDirectory.toPath())
          .withDeploymentDirectory(deploymentDirectory == null ? null : deploymentDirectory.toPath());
    } catch (IllegalArgumentException e) {
      // The config record rejects impossible values (e.g. a tiny maxToolNameLength): a user error, not a bug.
      throw new MojoFailureException("openapi2mcp: invalid configuration: " + e.getMessage());
    }
  }
}
