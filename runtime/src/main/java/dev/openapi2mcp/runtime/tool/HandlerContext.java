package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a hand-written tool (issue 4) gets besides its arguments: who is calling, and the server's other tools, so
 * that a tool can combine several API calls. Calls made through {@link #callTool} run like calls from a client:
 * validated, with their hooks, credentials and audit line.
 */
public final class HandlerContext {

  /** Runs one tool of the server by name. */
  @FunctionalInterface
  public interface ToolInvoker {
    /**
     * @throws IllegalArgumentException when the server has no tool of that name
     */
    ToolResult call(String toolName, ObjectNode arguments, CallContext context);
  }

  private final CallContext call;
  private final ToolInvoker tools;

  public HandlerContext(CallContext call, ToolInvoker tools) {
    this.call = call;
    this.tools = Objects.requireNonNull(tools, "tools");
  }

  /** The MCP call being served (session, caller, request id). */
  public CallContext call() {
    return call;
  }

  /**
   * Calls another tool of the server with {@code arguments} on behalf of the same caller.
   *
   * @throws IllegalArgumentException when the server has no tool of that name (the message suggests close names)
   */
  public ToolResult callTool(String toolName, ObjectNode arguments) {
    return tools.call(toolName, arguments, call);
  }
}
