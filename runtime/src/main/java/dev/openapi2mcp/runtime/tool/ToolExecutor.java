package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs one tool call. The protocol layer calls this for {@code tools/call}; implementations never throw for
 * bad arguments or failing upstreams: they return a {@link ToolResult} with {@code isError} set.
 * Implementations are thread-safe: the HTTP transport calls them concurrently.
 */
@FunctionalInterface
public interface ToolExecutor {

  ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context);

  /**
   * The arguments of a call as they may be shown to a person, e.g. when the user is asked to confirm a destructive
   * call: secret values replaced as in the audit trail this executor writes. Never throws; {@code arguments} is left
   * as it is. An executor that audits overrides this with its audit's rules, and one that wraps another delegates;
   * the default, for an executor that writes no audit trail, replaces nothing.
   */
  default ObjectNode redactedArguments(ToolDefinition tool, ObjectNode arguments) {
    return arguments;
  }

  /**
   * Records a call that never reached {@link #execute} because the user did not confirm it (a destructive tool
   * under {@code --confirm-destructive}); nothing was sent. An executor that audits writes the call's record, one
   * that wraps another delegates; the default does nothing. Never throws.
   */
  default void notConfirmed(ToolDefinition tool, ObjectNode arguments, CallContext context) {}
}
