package dev.openapi2mcp.generator.fidelity;

/**
 * One tool call of the fidelity run.
 *
 * @param tool the tool name
 * @param operation {@code METHOD /path} of its operation
 * @param variant which argument set: {@code all} (every optional argument) or {@code required}
 * @param arguments the arguments, as JSON
 * @param verdict the mock's verdict
 * @param request the request as sent, or null when none was
 * @param answer a short account of the answer (status, or the runtime's message when nothing was sent)
 * @param exclusion why this call's failure is not held against the runtime (a known mock bug), or null
 */
record CallRecord(
    String tool,
    String operation,
    String variant,
    String arguments,
    Verdict verdict,
    String request,
    String answer,
    String exclusion) {

  /** Whether the call counts against the run. */
  boolean failed() {
    return verdict.kind() != Verdict.Kind.ACCEPTED && exclusion == null;
  }
}
