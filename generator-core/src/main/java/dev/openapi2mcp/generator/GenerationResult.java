package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.lint.LintReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What a successful run did.
 *
 * @param outputDirectory the generated sources root
 * @param written files whose content changed (created or rewritten), relative to the output directory
 * @param unchanged files left untouched because their content was already identical
 * @param deleted stale files removed
 * @param toolCount how many tools the server has
 * @param warnings diagnostics that did not fail the run
 * @param lint what lint found and measured ({@link LintReport#table()} is for the build log), or null when the
 *     result was made without it
 */
public record GenerationResult(
    Path outputDirectory,
    List<Path> written,
    List<Path> unchanged,
    List<Path> deleted,
    int toolCount,
    List<Diagnostic> warnings,
    LintReport lint) {

  /** A result without a lint report. */
  public GenerationResult(Path outputDirectory, List<Path> written, List<Path> unchanged, List<Path> deleted,
      int toolCount, List<Diagnostic> warnings) {
    this(outputDirectory, written, unchanged, deleted, toolCount, warnings, null);
  }
}
