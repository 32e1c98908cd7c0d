package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates the Java sources of an MCP server from an OpenAPI description and adds them to the compile source
 * roots.
 *
 * <p>This goal only maps its parameters onto {@link GeneratorConfig}, calls {@link Generator#run(GeneratorConfig)} and
 * reports what came back: warnings (with their location) as warnings, a one-line summary and lint's table (issue 4),
 * and a failure listing every diagnostic when generation fails. Everything else belongs to the generator.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractOpenApi2McpMojo {

  /** The Java package of the generated classes; lint, which writes no classes, does not need it. */
  @Parameter(property = "openapi2mcp.packageName", required = true)
  private String packageName;

  /** Where the sources go. The generator owns this directory: files it did not produce are removed. */
  @Parameter(
      property = "openapi2mcp.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/openapi2mcp")
  private File outputDirectory;

  /**
   * Where to write a Dockerfile and Kubernetes manifests (Deployment, Service, HorizontalPodAutoscaler) for the
   * server, rendered from the templates in {@code openapi2mcp-templates} (issue 5); none are written when unset.
   */
  @Parameter(property = "openapi2mcp.deploymentDirectory")
  private File deploymentDirectory;

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("openapi2mcp: skipped (openapi2mcp.skip=true)");
      return;
    }
    GeneratorConfig config = config(outputDirectory, packageName)
        .withDeploymentDirectory(deploymentDirectory == null ? null : deploymentDirectory.toPath());
    GenerationResult result;
    try {
      result = Generator.run(config);
    } catch (GenerationException e) {
      throw failure(Reports.Run.GENERATION, config, e);
    }
    result.warnings().forEach(d -> getLog().warn(Reports.warning(d)));
    getLog().info(Reports.summary(serverName, result));
    Reports.lint(serverName, result).lines().forEach(getLog()::info);
    // Added even when nothing changed: every build needs the root to compile the generated sources.
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
  }
}
