package dev.openapi2mcp.runtime.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.HangingApi;
import dev.openapi2mcp.runtime.testing.LongCallServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5 over stdio with a raw client on in-process pipes: {@code notifications/cancelled} aborts the upstream HTTP
 * call, the cancelled request gets no response, the audit line says cancelled, and the server keeps serving.
 */
@Timeout(60)
class StdioCancellationTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void cancellationAbortsTheUpstreamCallAndTheServerKeepsServing() throws Exception {
    List<String> audit = new CopyOnWriteArrayList<>();
    try (HangingApi api = new HangingApi();
        RestToolExecutor executor = RestToolExecutor.create(LongCallServer.definition(), api.baseUrl(), Map.of(),
            ExecutorOptions.defaults().withAuditSink(audit::add))) {
      McpServer server = new McpServer(LongCallServer.definition(), executor, McpServerOptions.defaults());
      PipedOutputStream toServer = new PipedOutputStream();
      PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
      PipedInputStream fromServer = new PipedInputStream(1 << 16);
      PipedOutputStream serverOut = new PipedOutputStream(fromServer);
      Thread serving = new Thread(() -> new StdioTransport(server, serverIn, serverOut).run());
      serving.start();
      BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
      Thread reading = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            received.add(mapper.readTree(line));
          }
        } catch (Exception e) {
          // pipe closed
        }
      });
      reading.setDaemon(true);
      reading.start();

      write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
      assertThat(received.poll(10, TimeUnit.SECONDS).get("id").asInt()).isEqualTo(0);
      write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":\"c-1\",\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
      assertThat(api.awaitRequest()).startsWith("GET /v1/slow ");

      write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"c-1\"}}");
      assertThat(api.awaitClosed(10)).as("the API saw the connection closed").isTrue();

      write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
      JsonNode next = received.poll(10, TimeUnit.SECONDS);
      assertThat(next.get("id").asInt()).as("the next message answers the ping, not the cancelled call")
          .isEqualTo(2);
      toServer.close();
      serving.join(TimeUnit.SECONDS.toMillis(20));
      assertThat(received).noneMatch(message -> message.path("id").asText().equals("c-1"));
      assertThat(audit).hasSize(1);
      assertThat(mapper.readTree(audit.get(0)).get("outcome").asText())
          .isEqualTo("cancelled");
    }
  }

  private static void write(OutputStream out, String line) throws Exception {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
