package dev.openapi2mcp.runtime.tool;

/**
 * Plain-Java code around one tool of a server (issue 4), attached with
 * {@link ServerDefinition#withHook(String, ToolHook)}. {@link #before} sees each call first and may change its
 * arguments or add headers to the upstream request; {@link #after} sees the result and may change or replace it.
 *
 * <p>The arguments {@code before} returns are checked against the tool's input schema like a client's; headers it
 * adds never replace the credentials the server attaches. An exception from either method becomes an
 * {@code isError} result naming the tool and a reference to the server's log, where the exception is; its message is
 * not shown to the model unless it is a {@link ToolException}. It never takes the server down. Implementations must
 * be thread-safe.
 */
public interface ToolHook {

  /**
   * Runs before the tool. The default passes the call on unchanged.
   *
   * @param call the tool, the client's arguments (a copy this hook may modify) and no extra headers
   * @return the call to make, e.g. {@code call.withHeader("X-Request-Source", "mcp")}
   * @throws Exception to refuse the call; nothing is sent then. A {@link ToolException}'s message tells the model
   *     why
   */
  default ToolCall before(ToolCall call) throws Exception {
    return call;
  }

  /**
   * Runs after the tool, also when it failed ({@link ToolResult#isError()}). The default returns it unchanged.
   *
   * @param call the call as {@link #before} returned it
   * @param result what the tool returned
   * @return the result the client gets
   * @throws Exception to turn the call into an error result
   */
  default ToolResult after(ToolCall call, ToolResult result) throws Exception {
    return result;
  }
}
