package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the tools the way a model will meet them, without generating sources (issue 4): missing and vague
 * descriptions, shortened names, schemas cut by the budget, and the size of the {@code tools/list} answer. Run it
 * on demand, {@code mvn openapi2mcp:lint}, with the configuration of the {@code generate} goal (put it at plugin
 * level, outside any {@code <execution>}, so that both goals read it). It needs no {@code packageName}: the
 * package of classes it never writes changes nothing the model sees.
 *
 * <p>Prints lint's table and writes {@code lint.md} and {@code tools-list.json} into {@code reportDirectory}.
 * Findings are warnings; the build fails only on errors (an invalid spec, overrides file or template) or when
 * the estimate exceeds {@code tokenBudget}.
 */
@Mojo(name = "lint", requiresProject = true, threadSafe = true)
public class LintMojo extends AbstractOpenApi2McpMojo {

  @Override
  public void execute() throws MojoFailureException {
    if (skip) {
      getLog().info("openapi2mcp: skipped (openapi2mcp.skip=true)");
      return;
    }
    // Lint writes no sources; the config names a directory all the same, the one generate would write to.
    GeneratorConfig config = config(new File(project.getBuild().getDirectory(), "generated-sources/openapi2mcp"),
        GeneratorConfig.LINT_PACKAGE);
    GenerationResult result;
    try {
      result = Generator.lint(config);
    } catch (GenerationException e) {
      throw failure(Reports.Run.LINT, config, e);
    }
    result.warnings().forEach(d -> getLog().warn(Reports.warning(d)));
    Reports.lint(serverName, result).lines().forEach(getLog()::info);
    if (config.reportDirectory() != null) {
      getLog().info(Reports.PREFIX + "lint report in " + config.reportDirectory());
    }
  }
}
