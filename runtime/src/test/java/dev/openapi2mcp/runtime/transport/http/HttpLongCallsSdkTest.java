package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.LongCallChecks;
import dev.openapi2mcp.runtime.testing.LongCallServer;
import dev.openapi2mcp.runtime.testing.SdkClients;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5 over Streamable HTTP with the official Java SDK client: progress, client logging and destructive
 * confirmation, with the REST executor calling a MockWebServer.
 */
@Timeout(120)
class HttpLongCallsSdkTest {
  private final MockWebServer api = new MockWebServer();
  private StreamableHttpTransport transport;
  private RestToolExecutor executor;

  @BeforeEach
  void start() throws Exception {
    api.start();
    executor = RestToolExecutor.create(LongCallServer.definition(), api.url("/v1").toString(), Map.of(),
        ExecutorOptions.defaults().withAuditSink(line -> {}));
    McpServer server = new McpServer(LongCallServer.definition(), executor,
        McpServerOptions.defaults().withConfirmDestructive(true));
    transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0));
    transport.start();
  }

  @AfterEach
  void stop() throws Exception {
    transport.close();
    executor.close();
    api.close();
  }

  private HttpClientStreamableHttpTransport clientTransport() {
    return SdkClients.httpTransport(transport.endpoint());
  }

  @Test
  void progressLoggingAndConfirmationReachTheSdkClient() throws Exception {
    new LongCallChecks(api).runAll(clientTransport());
  }

  @Test
  void aClientWithoutElicitationIsToldWhyTheDestructiveToolDidNotRun() throws Exception {
    McpSyncClient client = McpClient.sync(clientTransport()).requestTimeout(Duration.ofSeconds(30)).build();
    try {
      client.initialize();
      McpSchema.CallToolResult result = client.callTool(
          McpSchema.CallToolRequest.builder("deleteItem").arguments(Map.of("id", 1)).build());
      assertThat(result.isError()).isTrue();
      assertThat(LongCallChecks.text(result))
          .contains("requires the user's confirmation")
          .contains("elicitation")
          .contains("--confirm-destructive");
      assertThat(api.getRequestCount()).isZero();
    } finally {
      client.closeGracefully();
    }
  }
}
