package dev.openapi2mcp.runtime.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The official MCP Java SDK client, set up the way the tests use it. */
public final class SdkClients {
  private SdkClients() {}

  /** A client of the Streamable HTTP endpoint {@code http://127.0.0.1:<port>/mcp}; not yet initialized. */
  public static McpSyncClient http(int port) {
    return http(URI.create("http://127.0.0.1:" + port + "/mcp"));
  }

  /** A client of the Streamable HTTP endpoint {@code endpoint} (ending in {@code /mcp}); not yet initialized. */
  public static McpSyncClient http(URI endpoint) {
    return McpClient.sync(httpTransport(endpoint)).requestTimeout(Duration.ofSeconds(30)).build();
  }

  /** The SDK's transport to the Streamable HTTP endpoint {@code endpoint}, which ends in {@code /mcp}. */
  public static HttpClientStreamableHttpTransport httpTransport(URI endpoint) {
    String url = endpoint.toString();
    return HttpClientStreamableHttpTransport.builder(url.substring(0, url.length() - "/mcp".length()))
        .endpoint("/mcp")
        .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
        .build();
  }

  /** A client that starts {@code command} and speaks to it over stdio; not yet initialized. */
  public static McpSyncClient stdio(List<String> command) {
    ServerParameters parameters = ServerParameters.builder(command.get(0))
        .args(command.subList(1, command.size()))
        .build();
    StdioClientTransport transport =
        new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper()));
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .build();
  }

  public static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  /** All text blocks of a result, joined by new lines. */
  public static String text(McpSchema.CallToolResult result) {
    return result.content().stream()
        .filter(McpSchema.TextContent.class::isInstance)
        .map(c -> ((McpSchema.TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }
}
