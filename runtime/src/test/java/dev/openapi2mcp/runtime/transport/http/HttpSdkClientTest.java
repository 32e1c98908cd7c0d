package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.testing.SdkClientChecks;
import dev.openapi2mcp.runtime.testing.SdkClients;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The official Java SDK client against the server in-process over Streamable HTTP. */
@Timeout(120)
class HttpSdkClientTest {
  private StreamableHttpTransport transport;
  private final List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
  private McpSyncClient client;

  @BeforeEach
  void start() throws Exception {
    McpServer server = SampleServer.server(McpServerOptions.defaults().withPageSize(3));
    transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0));
    transport.start();
    client = McpClient.sync(SdkClients.httpTransport(transport.endpoint()))
        .requestTimeout(Duration.ofSeconds(30))
        .loggingConsumer(logs::add)
        .build();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.closeGracefully();
    }
    transport.close();
  }

  @Test
  void sdkClientInitializesPagesCallsAndSetsTheLogLevel() throws Exception {
    SdkClientChecks.initialize(client);
    assertThat(transport.sessionCount()).isEqualTo(1);
    SdkClientChecks.listToolsAcrossPages(client);
    SdkClientChecks.callTools(client);
    SdkClientChecks.setLevelFiltersLogMessages(client, logs);
  }

  @Test
  void closingTheClientDeletesItsSession() throws Exception {
    SdkClientChecks.initialize(client);
    assertThat(transport.sessionCount()).isEqualTo(1);
    client.closeGracefully();
    client = null;
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (transport.sessionCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(transport.sessionCount()).isZero();
  }
}
