package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The plain-Java body of a hand-written tool (issue 4), set with {@link ToolDefinition.Builder#handler}. The
 * runtime checks the arguments against the tool's input schema before calling it, writes the audit line, and turns
 * any exception into an {@code isError} result: a failing handler never takes the server down. The exception's
 * message is not shown to the model (it may quote a secret or an internal detail): the result names the tool and a
 * reference to the server's log entry. To tell the model why the tool failed, throw a {@link ToolException} or
 * return {@link ToolResult#error}.
 *
 * <p>Implementations must be thread-safe: the HTTP transport runs calls concurrently.
 */
@FunctionalInterface
public interface ToolHandler {

  /**
   * Runs the tool.
   *
   * @param arguments the call's arguments, already valid against the tool's input schema; do not modify
   * @param context who is calling, and a way to call the server's other tools
   * @return the result; null counts as a failure
   * @throws Exception for any failure; the model sees only that the tool failed (and the message of a {@link
   *     ToolException}), the server's log the exception
   */
  ToolResult handle(ObjectNode arguments, HandlerContext context) throws Exception;
}
