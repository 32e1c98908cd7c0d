package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.ApiSource;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.Reports;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs the generator for the goal and reports what came back in the build log, with the texts the command line
 * uses too ({@link Reports}): warnings (with their location) as warnings, a one-line summary and the lint table; a
 * failure lists every diagnostic once.
 */
final class GenerationLog {
  private GenerationLog() {}

  static GenerationResult generate(GeneratorConfig config, String serverName, Log log) throws MojoFailureException {
    GenerationResult result;
    try {
      result = Generator.run(config);
    } catch (GenerationException e) {
      e.diagnostics().stream()
          .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
          .forEach(d -> log.warn(Reports.warning(d)));
      // No cause attached: Maven would print the cause's message after ours, listing every diagnostic twice.
      throw new MojoFailureException(Reports.failure(config.apis().stream().map(ApiSource::inputSpec)
          .collect(Collectors.joining(", ")), e));
    }
    result.warnings().forEach(d -> log.warn(Reports.warning(d)));
    log.info(Reports.summary(serverName, result));
    Reports.lint(serverName, result).lines().forEach(log::info);
    return result;
  }
}
