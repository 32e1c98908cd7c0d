package dev.openapi2mcp.generator.corpus;

import java.util.Map;

/**
 * What happened to one corpus spec.
 *
 * @param spec the spec
 * @param stage {@link Stage#PASSED}, or the stage that failed
 * @param cause why that stage failed (one line), or null when passed
 * @param tools how many tools the generator made (-1 when generation failed)
 * @param warnings how many warnings the generator reported
 * @param millis wall-clock milliseconds per stage that ran
 */
record SpecOutcome(CorpusSpec spec, Stage stage, String cause, int tools, int warnings, Map<Stage, Long> millis) {
  SpecOutcome {
    millis = Map.copyOf(millis);
  }

  boolean passed() {
    return stage == Stage.PASSED;
  }

  /** The same outcome with {@code root/} taken out of the cause, so that reports name specs, not machines. */
  SpecOutcome relativeTo(java.nio.file.Path root) {
    if (cause == null) {
      return this;
    }
    String prefix = root.toAbsolutePath().normalize() + java.io.File.separator;
    return new SpecOutcome(spec, stage, cause.replace(prefix, ""), tools, warnings, millis);
  }

  long totalMillis() {
    return millis.values().stream().mapToLong(Long::longValue).sum();
  }
}
