package dev.openapi2mcp.runtime.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RateLimitedExecutor;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.http.resilience.RateLimit;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.FakeTime;
import dev.openapi2mcp.runtime.testing.SdkClients;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5: rate limits per session and for the whole server, seen by two official MCP Java SDK clients, each with
 * its own session over Streamable HTTP, in front of a real API (MockWebServer) that counts what reaches it. Time is
 * frozen, so the buckets do not refill while the test runs.
 */
@Timeout(120)
class RateLimitOverHttpTest {
  private static final ToolDefinition TOOL = ToolDefinition.builder("listPets")
      .inputSchema("{\"type\":\"object\"}")
      .http("GET", "/pets")
      .build();
  private static final ServerDefinition DEFINITION =
      ServerDefinition.builder("petstore").version("1.0.0").tool(TOOL).build();

  private final MockWebServer api = new MockWebServer();
  private final FakeTime time = new FakeTime();
  private final List<String> audit = new CopyOnWriteArrayList<>();
  private final List<McpSyncClient> clients = new ArrayList<>();
  private StreamableHttpTransport transport;

  @BeforeEach
  void startApi() throws Exception {
    api.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body("[]").build();
      }
    });
    api.start();
  }

  @AfterEach
  void stop() {
    clients.forEach(McpSyncClient::closeGracefully);
    if (transport != null) {
      transport.close();
    }
    api.close();
  }

  private void serve(String global, String perSession) throws Exception {
    ExecutorOptions options = ExecutorOptions.defaults().withAuditSink(audit::add);
    RestToolExecutor rest = RestToolExecutor.create(DEFINITION, api.url("/v1").toString(), Map.of(), options);
    RateLimiter limiter = new RateLimiter(global == null ? null : RateLimit.parse(global),
        perSession == null ? null : RateLimit.parse(perSession), time);
    McpServer server = new McpServer(DEFINITION, new RateLimitedExecutor(rest, limiter, DEFINITION, options),
        McpServerOptions.defaults());
    transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0));
    transport.start();
  }

  private McpSyncClient client() {
    McpSyncClient client = SdkClients.http(transport.endpoint());
    clients.add(client);
    client.initialize();
    return client;
  }

  private static McpSchema.CallToolResult call(McpSyncClient client) {
    return client.callTool(new McpSchema.CallToolRequest("listPets", Map.of()));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Test
  void eachSessionHasItsOwnLimit() throws Exception {
    serve(null, "2/s");
    McpSyncClient alice = client();
    McpSyncClient bob = client();
    assertThat(transport.sessionCount()).isEqualTo(2);

    assertThat(call(alice).isError()).isFalse();
    assertThat(call(alice).isError()).isFalse();
    McpSchema.CallToolResult refused = call(alice);
    assertThat(call(bob).isError()).isFalse();
    assertThat(call(bob).isError()).isFalse();

    assertThat(refused.isError()).isTrue();
    assertThat(text(refused)).isEqualTo("Rate limit of 2 calls/s per session exceeded; retry in 0.5 s. "
        + "No request was sent to the API.");
    assertThat(api.getRequestCount()).isEqualTo(4);
    assertThat(audit).hasSize(5).filteredOn(line -> line.contains("\"outcome\":\"rate_limited\"")).hasSize(1);

    time.advance(Duration.ofMillis(500));
    assertThat(call(alice).isError()).isFalse();
    assertThat(api.getRequestCount()).isEqualTo(5);
  }

  @Test
  void theGlobalLimitIsSharedBySessions() throws Exception {
    serve("3/s", null);
    McpSyncClient alice = client();
    McpSyncClient bob = client();

    assertThat(call(alice).isError()).isFalse();
    assertThat(call(alice).isError()).isFalse();
    assertThat(call(bob).isError()).isFalse();
    McpSchema.CallToolResult refused = call(bob);

    assertThat(refused.isError()).isTrue();
    assertThat(text(refused)).isEqualTo("Rate limit of 3 calls/s for this server (all sessions together) exceeded; "
        + "retry in 0.4 s. No request was sent to the API.");
    assertThat(api.getRequestCount()).isEqualTo(3);
  }
}
