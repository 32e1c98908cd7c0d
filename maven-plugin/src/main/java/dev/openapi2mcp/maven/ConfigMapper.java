package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.tool.FileParts;
import dev.openapi2mcp.generator.tool.ListingOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps the shared goal parameters ({@link AbstractOpenApi2McpMojo}) onto a {@link GeneratorConfig}; the only place
 * that knows both sides, so that the goals stay thin.
 */
final class ConfigMapper {
  /** Where the overrides file is looked for when the {@code overrides} parameter is not set (issue 4). */
  static final String CONVENTIONAL_OVERRIDES = "src/main/openapi2mcp/overrides.yaml";

  private ConfigMapper() {}

  /**
   * @param outputDirectory where the goal's sources go (the lint goal writes none, but the config names one)
   * @param packageName the package of the generated classes
   * @throws IllegalArgumentException naming the parameter at fault
   */
  static GeneratorConfig map(AbstractOpenApi2McpMojo goal, File outputDirectory, String packageName) {
    Path basedir = goal.project.getBasedir().toPath();
    return new GeneratorConfig(
        ApiSources.of(goal.inputSpec, goal.serverUrl, goal.serverVariables, goal.apis, goal.filterRules(),
            overridesFile(goal.overrides, basedir), basedir),
        outputDirectory.toPath(), packageName, goal.serverName,
        goal.descriptionTemplate == null ? null : goal.descriptionTemplate.toPath(),
        goal.maxToolNameLength, goal.allowRemoteRefs, FileParts.parse(goal.fileParts),
        new SchemaBudget(goal.schemaMaxDepth, goal.schemaMaxBytes), goal.tokenBudget,
        goal.reportDirectory == null ? null : goal.reportDirectory.toPath(), null, goal.outputSchemaMaxBytes,
        new ListingOptions(goal.keepRepeatedTitles, goal.keepReferenceSentences));
  }

  /**
   * The overrides file to use: the configured one, which must then exist (the generator fails naming it when it
   * does not), else {@link #CONVENTIONAL_OVERRIDES} when that exists, else none. Only the conventional place is
   * optional: a file the user named but that is missing is a mistake, never silently no overrides.
   */
  static Path overridesFile(File configured, Path basedir) {
    if (configured != null) {
      return configured.toPath();
    }
    Path conventional = basedir.resolve(CONVENTIONAL_OVERRIDES);
    return Files.isRegularFile(conventional) ? conventional : null;
  }
}
