package dev.openapi2mcp.runtime.testing;

import dev.openapi2mcp.runtime.McpServerMain;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.List;

/**
 * A REST-backed server for the long-call tests (issue 5): the real {@link McpServerMain} with the REST executor,
 * pointed with {@code --base-url} at a MockWebServer the test controls. {@link #main} is its process entry.
 */
public final class LongCallServer {
  public static final String NAME = "longcalls";

  private LongCallServer() {}

  public static ServerDefinition definition() {
    return ServerDefinition.builder(NAME)
        .version("1.0.0")
        .baseUrl("http://127.0.0.1:9/unused")
        .tools(List.of(
            ToolDefinition.builder("download").description("Downloads a large document.")
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
                .http("GET", "/download").build(),
            ToolDefinition.builder("getItem").description("Reads an item.")
                .inputSchema("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}")
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
                .http("GET", "/items/{id}").parameter(ParameterBinding.path("id", "id")).build(),
            ToolDefinition.builder("deleteItem").description("Deletes an item.")
                .inputSchema("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}")
                .readOnlyHint(false).destructiveHint(true).idempotentHint(true).openWorldHint(true)
                .http("DELETE", "/items/{id}").parameter(ParameterBinding.path("id", "id")).build(),
            ToolDefinition.builder("slow").description("Waits for the API as long as it takes.")
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
                .http("GET", "/slow").build()))
        .build();
  }

  public static void main(String[] args) {
    System.exit(McpServerMain.run(definition(), args));
  }
}
