package dev.openapi2mcp.runtime.transport.stdio;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.testing.SdkClientChecks;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The official Java SDK client against the server as a subprocess over stdio. */
@Timeout(120)
class StdioSdkClientTest {

  @Test
  void sdkClientInitializesPagesCallsAndSetsTheLogLevel() throws Exception {
    List<String> command = ServerProcess.command();
    ServerParameters parameters = ServerParameters.builder(command.get(0))
        .args(command.subList(1, command.size()))
        .build();
    StdioClientTransport transport = new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper()));
    List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
    McpSyncClient client = McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .loggingConsumer(logs::add)
        .build();
    try {
      SdkClientChecks.initialize(client);
      SdkClientChecks.listToolsAcrossPages(client);
      SdkClientChecks.callTools(client);
      SdkClientChecks.setLevelFiltersLogMessages(client, logs);
    } finally {
      client.closeGracefully();
    }
  }
}
