package dev.openapi2mcp.runtime.transport.stdio;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.testing.LongCallChecks;
import dev.openapi2mcp.runtime.testing.LongCallServer;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
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
      List<String> command = ServerProcess.command(List.of(), LongCallServer.class,
          List.of("--base-url", api.url("/v1").toString(), "--confirm-destructive"));
      ServerParameters parameters = ServerParameters.builder(command.get(0))
          .args(command.subList(1, command.size()))
          .build();
      new LongCallChecks(api).runAll(
          new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper())));
    }
  }
}
