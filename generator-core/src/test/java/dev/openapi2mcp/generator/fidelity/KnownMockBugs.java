package dev.openapi2mcp.generator.fidelity;

import dev.openapi2mcp.runtime.tool.ToolDefinition;

/**
 * Calls whose failure is the mock's fault, not the runtime's, each with the reason shown in the report. Every entry
 * must name the Prism defect it works around; a rejection that the spec itself explains is never listed here.
 */
final class KnownMockBugs {
  private KnownMockBugs() {}

  /** Why a non-accepted call of {@code tool} in {@code spec} is excluded, or null when it counts. */
  static String exclusion(String spec, ToolDefinition tool, Verdict verdict) {
    return null;
  }
}
