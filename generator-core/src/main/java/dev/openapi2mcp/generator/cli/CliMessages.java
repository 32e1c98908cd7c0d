package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.Reports;

/** The lines only the command line prints; the run's summary and failure texts are the shared {@link Reports}. */
final class CliMessages {

  private CliMessages() {}

  /** One warning with its location, marked as a warning since stderr carries no level: {@code openapi2mcp: warning: …}. */
  static String warning(Diagnostic diagnostic) {
    return Reports.PREFIX + "warning: " + diagnostic;
  }

  /** A usage error and where to look for the right usage. */
  static String usageError(UsageException e) {
    return Reports.PREFIX + e.getMessage() + "\nRun '" + Usage.PROGRAM + " --help' for the options.";
  }
}
