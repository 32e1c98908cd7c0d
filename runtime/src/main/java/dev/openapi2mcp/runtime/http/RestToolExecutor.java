package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.List;
import java.util.Map;

/** Executes tool calls as HTTP requests to the API. (Contract stub: the implementation replaces the bodies.) */
public final class RestToolExecutor implements ToolExecutor, AutoCloseable {

  /**
   * @param definition the server whose tools this executes
   * @param baseUrl the API base URL (the {@code --base-url} option, else the spec's server URL)
   * @param environment where credentials are read from (normally {@code System.getenv()})
   */
  public static RestToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** One line per credential variable the server reads, for {@code --help}. */
  public static List<String> describeCredentials(ServerDefinition definition) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public void close() {}
}
