package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.testing.SdkClients;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5, reliability: path-traversal and host-injection attempts, sent as tool arguments by the official MCP client
 * to the real server process, must reach the API on its host, under its base path, as one path segment; query values
 * must not add parameters or headers. {@code PathEncodingTest} and {@code ParametersTest} hold the request builder to
 * the common vectors ({@code ../admin}, {@code //evil.example}, {@code @evil.example}, {@code #frag}, CRLF in
 * headers …); this class adds the vectors they lack and runs all through the whole stack.
 */
@Timeout(60)
class TraversalOverMcpTest {
  private static MockWebServer api;
  private static ServerProcess server;
  private static McpSyncClient client;

  @BeforeAll
  static void start() throws Exception {
    api = new MockWebServer();
    api.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"ok\":true}").build();
      }
    });
    api.start();
    server = ServerProcess.start(List.of(), ReliabilityServer.class,
        "--transport", "http", "--port", "0", "--base-url", api.url("/api/v2").toString(), "--retries", "0");
    client = SdkClients.http(server.awaitPort());
    client.initialize();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.closeGracefully();
    }
    if (server != null) {
      server.close();
    }
    api.close();
  }

  private static RecordedRequest take() throws InterruptedException {
    RecordedRequest request = api.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the API").isNotNull();
    // Nothing else arrived: one call is one request.
    assertThat(api.takeRequest(0, TimeUnit.MILLISECONDS)).isNull();
    return request;
  }

  private static void assertOnTheApiHost(RecordedRequest request) {
    String authority = api.getHostName() + ":" + api.getPort();
    assertThat(request.getUrl().host()).isEqualTo(api.getHostName());
    assertThat(request.getUrl().port()).isEqualTo(api.getPort());
    assertThat(request.getHeaders().values("Host")).containsExactly(authority);
    assertThat(request.getHeaders().names()).doesNotContain("X-Injected", "x-injected");
    // The request line is exactly three tokens: nothing in the target broke it up.
    assertThat(request.getRequestLine().split(" ")).hasSize(3);
    assertThat(request.getRequestLine()).startsWith("GET /api/v2/items").endsWith(" HTTP/1.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "%2e%2e%2f", "%2e%2e%2fadmin", "..%2f", "..%2f..%2fadmin", "%252e%252e%252f", "%c0%ae%c0%ae",
      "/etc/passwd", "../../../../etc/passwd", "..\\..\\windows", "?q=1", "a?q=1#x",
      "a\r\nHost: evil.example", "a\r\n\r\nGET /admin HTTP/1.1", "a HTTP/1.1\r\nX-Injected: 1",
      "\uFF0E\uFF0E", "\uFF0E\uFF0E\uFF0Fadmin", "\u2024\u2024", "\u3002\u3002", "..\u0000", "\u0000",
      "@evil.com", "user:pass@evil.com", "http://evil.com/", "https://evil.com:443/x", "//evil.com", "#frag",
      "%0d%0aX-Injected:%201", "\t..", ".. ", " .."})
  void aPathArgumentStaysOneSegmentUnderTheBasePathOnTheApiHost(String value) throws Exception {
    McpSchema.CallToolResult result = SdkClients.call(client, "getItem", Map.of("id", value));

    assertThat(result.isError()).as(SdkClients.text(result)).isFalse();
    RecordedRequest request = take();
    assertOnTheApiHost(request);
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "v2", "items", value);
    assertThat(request.getTarget()).startsWith("/api/v2/items/").doesNotContain("?", "#", "\r", "\n", " ");
    assertThat(request.getUrl().querySize()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x\r\nX-Injected: 1", "x\r\n\r\nGET /admin HTTP/1.1", "x&admin=true", "x#frag", "x HTTP/1.1",
      "x%26admin%3Dtrue", "x\u0000y", "x=y&hold=true"})
  void aQueryArgumentCannotAddParametersOrHeaders(String value) throws Exception {
    McpSchema.CallToolResult result = SdkClients.call(client, "searchItems", Map.of("q", value));

    assertThat(result.isError()).as(SdkClients.text(result)).isFalse();
    RecordedRequest request = take();
    assertOnTheApiHost(request);
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "v2", "items");
    assertThat(request.getUrl().queryParameterNames()).containsExactly("q");
    assertThat(request.getUrl().queryParameter("q")).isEqualTo(value);
  }

  @Test
  void aHeaderArgumentWithALineBreakIsRefusedAndNothingIsSent() throws Exception {
    for (String value : List.of("a\r\nX-Injected: 1", "a\r\n X-Folded: 1", "a\u2028b", "a\u0085b")) {
      McpSchema.CallToolResult result = SdkClients.call(client, "searchItems", Map.of("trace", value));

      assertThat(result.isError()).as(value).isTrue();
      assertThat(SdkClients.text(result)).startsWith("Invalid arguments for tool 'searchItems' (no request was sent)")
          .contains("trace: header 'X-Trace'");
    }
    assertThat(api.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
  }
}
