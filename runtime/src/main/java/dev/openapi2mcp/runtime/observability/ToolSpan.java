package dev.openapi2mcp.runtime.observability;

import dev.openapi2mcp.runtime.tool.ToolResult;

/** The span of one running tool call (issue 5); see {@link Tracing#startToolCall}. */
public interface ToolSpan {

  /** A span that records nothing. */
  ToolSpan NONE = result -> {};

  /**
   * Records how the call ended (an {@code isError} result, or none, marks the span as failed), ends the span and
   * restores the context that was current before it started. Called once, on the thread that started the span.
   *
   * @param result the call's result, or null when the executor failed without one
   */
  void end(ToolResult result);
}
