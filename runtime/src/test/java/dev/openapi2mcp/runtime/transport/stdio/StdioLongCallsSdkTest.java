package dev.openapi2mcp.runtime.transport.stdio;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.testing.LongCallChecks;
import dev.openapi2mcp.runtime.testing.LongCallServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5 over stdio with the official Java SDK client: a real server process started with
 * {@code --confirm-destructive}, whose REST executor calls a MockWebServer in this JVM.
 */
@Timeout(120)
class StdioLongCallsSdkTest {

  @Test
  void progressLoggingAndConfirmationReachTheSdkClient() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      ServerParameters parameters = ServerParameters.builder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString())
          .args(List.of("-cp", System.getProperty("java.class.path"), LongCallServer.class.getName(),
              "--base-url", api.url("/v1").toString(), "--confirm-destructive"))
          .build();
      LongCallChecks checks = new LongCallChecks(api);
      McpSyncClient client = checks.client(
          new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper())));
      try {
        client.initialize();
        checks.progressOfALargeDownload(client);
        checks.destructiveToolsAskFirst(client);
        checks.upstreamErrorsAreLoggedAtTheClientsLevel(client);
      } finally {
        client.closeGracefully();
      }
    }
  }
}
