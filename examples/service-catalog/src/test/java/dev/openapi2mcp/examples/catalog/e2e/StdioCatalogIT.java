package dev.openapi2mcp.examples.catalog.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scenarios over stdio: the SDK client starts {@code java -jar service-catalog-mcp-server.jar --demo} itself. */
class StdioCatalogIT extends CatalogScenarios {

  private final ServerLog log = new ServerLog();
  private McpSyncClient client;

  @BeforeAll
  void connect() {
    ServerParameters server = ServerParameters.builder(CatalogJar.javaExecutable())
        .args("-jar", CatalogJar.jar().toString(), "--demo")
        .build();
    StdioClientTransport transport = new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(log::add);
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    client.initialize();
  }

  @AfterAll
  void disconnect() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Override
  protected McpSyncClient client() {
    return client;
  }

  @Override
  protected ServerLog log() {
    return log;
  }
}
