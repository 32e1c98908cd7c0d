package dev.openapi2mcp.generator;

import java.util.List;
import java.util.stream.Collectors;

/** The run failed; {@link #diagnostics()} holds every error found (and the warnings), never just the first. */
public final class GenerationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public GenerationException(String summary, List<Diagnostic> diagnostics) {
    super(summary + diagnostics.stream()
        .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
        .map(d -> "\n  - " + d)
        .collect(Collectors.joining()));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
