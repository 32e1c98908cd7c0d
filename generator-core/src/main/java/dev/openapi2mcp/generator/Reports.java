package dev.openapi2mcp.generator;

import java.util.Comparator;
import java.util.List;

/**
 * The texts every front end (the Maven goal, the command line) prints about a run, so that a build log reads the
 * same whichever ran the generator. Each starts with {@link #PREFIX} so that it stands out in a log.
 */
public final class Reports {

  public static final String PREFIX = "openapi2mcp: ";

  private Reports() {}

  /** One warning with its location, e.g. {@code openapi2mcp: api.yaml#/paths/~1a/get (op): message}. */
  public static String warning(Diagnostic diagnostic) {
    return PREFIX + diagnostic;
  }

  /**
   * The one-line summary of a successful run, e.g.
   * {@code openapi2mcp: petstore: 20 tools; files: 2 written, 0 unchanged, 0 deleted in /x/generated}.
   */
  public static String summary(String serverName, GenerationResult result) {
    return PREFIX + serverName + ": " + count(result.toolCount(), "tool", "tools")
        + "; files: " + result.written().size() + " written, "
        + result.unchanged().size() + " unchanged, "
        + result.deleted().size() + " deleted in " + result.outputDirectory();
  }

  /**
   * Lint's report for the build log: a heading line, then {@link dev.openapi2mcp.generator.lint.LintReport#table()}
   * unprefixed (so that its columns line up); empty when the result has no lint report.
   */
  public static String lint(String serverName, GenerationResult result) {
    if (result.lint() == null) {
      return "";
    }
    return PREFIX + "lint of " + serverName + " (warnings only; see docs/customization.md):\n"
        + result.lint().table().stripTrailing();
  }

  /** Which kind of run failed: the first line of its failure names it. */
  public enum Run {
    GENERATION("generation from "),
    LINT("lint of ");

    private final String lead;

    Run(String lead) {
      this.lead = lead;
    }
  }

  /**
   * The failure message: which run of which spec failed and every diagnostic, one per line, errors before warnings
   * (each group in the generator's order); the exception's own message when it carries no diagnostics.
   */
  public static String failure(Run run, String inputSpec, GenerationException failure) {
    List<Diagnostic> diagnostics = failure.diagnostics();
    if (diagnostics.isEmpty()) {
      return PREFIX + run.lead + inputSpec + " failed: " + failure.getMessage();
    }
    long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    StringBuilder message = new StringBuilder(PREFIX + run.lead)
        .append(inputSpec)
        .append(" failed with ")
        .append(count(errors, "error", "errors"))
        .append(':');
    diagnostics.stream()
        .sorted(Comparator.comparing(Diagnostic::severity)) // stable: keeps the order within each severity
        .forEach(d -> message.append("\n  ").append(d.severity()).append(' ').append(d));
    return message.toString();
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
