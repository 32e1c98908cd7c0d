package dev.openapi2mcp.examples.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The official MCP Java SDK client, set up as the end-to-end tests use it; none of these is initialized yet. */
public final class McpClients {

  /** How long the client waits for any one response. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private McpClients() {}

  /** A client of the Streamable HTTP endpoint {@code /mcp} under {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}). */
  public static McpSyncClient http(String baseUrl) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
        .endpoint("/mcp")
        .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
        .build();
    return McpClient.sync(transport).requestTimeout(REQUEST_TIMEOUT).build();
  }

  /**
   * A client that starts {@code java -jar jar args…} itself and talks to it over stdio; the server's stderr lines go
   * to {@code log}.
   */
  public static McpSyncClient stdio(Path jar, ServerLog log, String... args) {
    List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString()));
    arguments.addAll(List.of(args));
    ServerParameters server = ServerParameters.builder(ServerProcess.javaExecutable()).args(arguments).build();
    StdioClientTransport transport = new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(log::add);
    return McpClient.sync(transport).requestTimeout(REQUEST_TIMEOUT).build();
  }
}
