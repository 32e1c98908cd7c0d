package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.Reports;
import dev.openapi2mcp.generator.lint.ReportFiles;
import java.nio.file.Path;

/** The lines only the command line prints; the run's summary and failure texts are the shared {@link Reports}. */
final class CliMessages {

  private CliMessages() {}

  /** One warning with its location, marked as a warning since stderr carries no level: {@code openapi2mcp: warning: …}. */
  static String warning(Diagnostic diagnostic) {
    return Reports.PREFIX + "warning: " + diagnostic;
  }

  /** Where lint's report files went, e.g. {@code openapi2mcp: lint report: reports/lint.md, reports/tools-list.json}. */
  static String reportFiles(Path directory) {
    return Reports.PREFIX + "lint report: " + directory.resolve(ReportFiles.LINT_MD) + ", "
        + directory.resolve(ReportFiles.TOOLS_LIST_JSON);
  }

  /** A usage error and where to look for the right usage. */
  static String usageError(UsageException e) {
    return Reports.PREFIX + e.getMessage() + "\nRun '" + Usage.PROGRAM + " --help' for the options.";
  }

  /** What {@code init} made and the commands that build the server and start it over stdio. */
  static String newProject(Path directory, ProjectSettings settings) {
    return Reports.PREFIX + "new project " + settings.groupId() + ":" + settings.artifactId() + " in " + directory
        + " (server '" + settings.serverName() + "', main class " + settings.mainClass() + ")\n"
        + "Build and start it:\n"
        + "  cd " + directory + "\n"
        + "  mvn package\n"
        + "  java -jar target/" + settings.jarName() + "\n";
  }
}
