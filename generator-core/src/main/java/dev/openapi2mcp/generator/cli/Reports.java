package dev.openapi2mcp.generator.cli;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import dev.openapi2mcp.generator.GenerationResult;
import java.util.Comparator;
import java.util.List;

/** The lines the command line prints, each starting with {@code openapi2mcp:} so that they stand out in logs. */
final class Reports {

  static final String PREFIX = "openapi2mcp: ";

  private Reports() {}

  /** One warning with its location, e.g. {@code openapi2mcp: warning: api.yaml#/paths (op): message}. */
  static String warning(Diagnostic diagnostic) {
    return PREFIX + "warning: " + diagnostic;
  }

  /**
   * The summary of a successful run, e.g.
   * {@code openapi2mcp: petstore: 19 tools; files: 2 written, 0 unchanged, 0 deleted in gen}.
   */
  static String summary(String serverName, GenerationResult result) {
    return PREFIX + serverName + ": " + count(result.toolCount(), "tool", "tools")
        + "; files: " + result.written().size() + " written, "
        + result.unchanged().size() + " unchanged, "
        + result.deleted().size() + " deleted in " + result.outputDirectory();
  }

  /**
   * Which spec failed and every diagnostic, one per line, errors before warnings (each group in the generator's
   * order); the exception's own message when it carries no diagnostics.
   */
  static String failure(String inputSpec, GenerationException failure) {
    List<Diagnostic> diagnostics = failure.diagnostics();
    if (diagnostics.isEmpty()) {
      return PREFIX + "generation from " + inputSpec + " failed: " + failure.getMessage();
    }
    long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    StringBuilder message = new StringBuilder(PREFIX).append("generation from ").append(inputSpec)
        .append(" failed with ").append(count(errors, "error", "errors")).append(':');
    diagnostics.stream()
        .sorted(Comparator.comparing(Diagnostic::severity)) // stable: keeps the order within each severity
        .forEach(d -> message.append("\n  ").append(d.severity()).append(' ').append(d));
    return message.toString();
  }

  /** A usage error and where to look for the right usage. */
  static String usageError(UsageException e) {
    return PREFIX + e.getMessage() + "\nRun '" + Usage.PROGRAM + " --help' for the options.";
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
