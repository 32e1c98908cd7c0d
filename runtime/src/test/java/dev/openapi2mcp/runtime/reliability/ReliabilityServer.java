package dev.openapi2mcp.runtime.reliability;

import dev.openapi2mcp.runtime.McpServerMain;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.List;

/**
 * The server of the reliability tests (issue 5): a definition shaped like generated code, run by the real
 * {@link McpServerMain} (REST executor, command line, shutdown hooks), so that every test goes through what users
 * run. The base URL is always given with {@code --base-url}.
 */
public final class ReliabilityServer {
  private ReliabilityServer() {}

  public static ServerDefinition definition() {
    return ServerDefinition.builder("reliability")
        .version("1.0.0")
        .title("Reliability test API")
        .baseUrl("http://127.0.0.1:9/v1")
        .tools(List.of(
            ToolDefinition.builder("getMode")
                .description("Asks the chaos API to misbehave in the named way.")
                .inputSchema("{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"}},"
                    + "\"required\":[\"mode\"]}")
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
                .http("GET", "/chaos/{mode}")
                .parameter(ParameterBinding.path("mode", "mode"))
                .build(),
            ToolDefinition.builder("getItem")
                .description("Returns one item; the API echoes the id.")
                .inputSchema("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
                    + "\"hold\":{\"type\":\"boolean\"}},\"required\":[\"id\"]}")
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
                .http("GET", "/items/{id}")
                .parameter(ParameterBinding.path("id", "id"))
                .parameter(ParameterBinding.query("hold", "hold", false))
                .build(),
            ToolDefinition.builder("searchItems")
                .description("Searches items by a query and a trace header.")
                .inputSchema("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"},"
                    + "\"trace\":{\"type\":\"string\"}}}")
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
                .http("GET", "/items")
                .parameter(ParameterBinding.query("q", "q", false))
                .parameter(ParameterBinding.header("trace", "X-Trace", false))
                .build()))
        .build();
  }

  public static void main(String[] args) {
    System.exit(McpServerMain.run(definition(), args));
  }
}
