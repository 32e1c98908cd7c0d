package dev.openapi2mcp.generator.diagnostics;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.GenerationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of one run, in the order they were found.
 *
 * <p>Identical diagnostics are kept once: a component schema is converted once per tool that uses it, and its
 * warnings must not repeat for every tool. Stages report everything they find and only then ask
 * {@link #throwIfErrors(String)}, so that a run fails with all its errors at once.
 */
public final class Diagnostics {
  private final Set<Diagnostic> all;
  private final String file;

  /** @param file the spec file (or URL) that diagnostics concern unless they say otherwise, or null */
  public Diagnostics(String file) {
    this(new LinkedHashSet<>(), file);
  }

  private Diagnostics(Set<Diagnostic> all, String file) {
    this.all = all;
    this.file = file;
  }

  /**
   * A view of the same run whose diagnostics concern {@code otherFile} unless they say otherwise: a service catalog
   * (issue 4) loads several specs, each stage of each reports against its own file, and the run still fails once
   * with all of them. Both views add to, and read, the same collection.
   */
  public Diagnostics forFile(String otherFile) {
    return new Diagnostics(all, otherFile);
  }

  public String file() {
    return file;
  }

  public void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public void error(String message, String pointer, String operationId) {
    add(new Diagnostic(Diagnostic.Severity.ERROR, message, file, pointer, operationId));
  }

  public void warning(String message, String pointer, String operationId) {
    add(new Diagnostic(Diagnostic.Severity.WARNING, message, file, pointer, operationId));
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
  }

  public List<Diagnostic> all() {
    return List.copyOf(all);
  }

  public List<Diagnostic> warnings() {
    List<Diagnostic> warnings = new ArrayList<>();
    for (Diagnostic d : all) {
      if (d.severity() == Diagnostic.Severity.WARNING) {
        warnings.add(d);
      }
    }
    return warnings;
  }

  /** Fails with every diagnostic so far (errors and warnings) when any of them is an error. */
  public void throwIfErrors(String summary) throws GenerationException {
    if (hasErrors()) {
      throw new GenerationException(summary, all());
    }
  }
}
