package dev.openapi2mcp.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.testing.SdkClients;
import dev.openapi2mcp.runtime.testing.ServerProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5, reliability: an API that is slow, down, failing, speaking garbage or answering far too much. Each case
 * goes through the real server process (REST executor behind the command line, in a JVM capped at 64 MB of heap so
 * that a 100 MB body could not be held) and the official MCP client over Streamable HTTP, against {@link ChaosApi}
 * on loopback. Every case must end in a tool result that says what happened, never a protocol error or a crash, and
 * the next normal call must succeed.
 *
 * <p>The executor's own tests cover the wording of single failures ({@code NetworkFailureTest},
 * {@code ResponseMappingTest}); this class holds the whole process to them.
 */
@Timeout(60)
class UpstreamChaosTest {
  private static final String BUDGET = "262144";

  private static ChaosApi api;
  private static ServerProcess server;
  private static McpSyncClient client;

  @BeforeAll
  static void start() throws Exception {
    api = new ChaosApi();
    server = startServer(api.baseUrl());
    client = SdkClients.http(server.awaitPort());
    client.initialize();
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.closeGracefully();
    }
    if (server != null) {
      server.close();
    }
    api.close();
  }

  private static ServerProcess startServer(String baseUrl) throws Exception {
    return ServerProcess.start(List.of("-Xmx64m"), ReliabilityServer.class,
        "--transport", "http", "--port", "0", "--base-url", baseUrl, "--max-response-bytes", "256k",
        "--read-timeout", "500ms", "--call-timeout", "2s", "--retries", "0");
  }

  private static McpSchema.CallToolResult mode(McpSyncClient client, String mode) {
    return SdkClients.call(client, "getMode", Map.of("mode", mode));
  }

  /** The server still serves: a normal call right after the bad one succeeds. */
  private static void assertStillServing() {
    McpSchema.CallToolResult ok = mode(client, "ok");
    assertThat(ok.isError()).as(SdkClients.text(ok)).isFalse();
    assertThat(SdkClients.text(ok)).isEqualTo("{\"ok\":true}");
    assertThat(server.process().isAlive()).isTrue();
  }

  private static String error(McpSchema.CallToolResult result) {
    String text = SdkClients.text(result);
    assertThat(result.isError()).as(text).isTrue();
    assertThat(text).doesNotContain("Exception", "\tat ");
    return text;
  }

  @Test
  void headersAfterTheReadTimeoutAreAReadTimeoutError() {
    String text = error(mode(client, "slowHeaders"));

    assertThat(text).startsWith("Network error calling GET /v1/chaos/slowHeaders on 127.0.0.1:")
        .contains("no data from the API for 500 ms (read timeout)");
    assertStillServing();
  }

  @Test
  void aBodyTricklingPastTheCallTimeoutIsACallTimeoutError() {
    String text = error(mode(client, "trickle"));

    assertThat(text).contains(": the call took longer than 2 s (call timeout). The API answered HTTP 200, but its "
        + "response body broke off; nothing of it is shown.");
    assertStillServing();
  }

  @Test
  void a5xxIsAnErrorWithStatusAndBodyExcerpt() {
    String text = error(mode(client, "error503"));

    assertThat(text).isEqualTo("HTTP 503 Service Unavailable from GET /v1/chaos/error503\n"
        + "Response body (text/plain):\n" + ChaosApi.ERROR_BODY);
    assertStillServing();
  }

  @Test
  void anAnswerThatIsNotHttpIsANetworkError() {
    String text = error(mode(client, "notHttp"));

    assertThat(text).startsWith("Network error calling GET /v1/chaos/notHttp on 127.0.0.1:")
        .endsWith(": the answer is not valid HTTP (Unexpected status line: SSH-2.0-OpenSSH_9.6). "
            + "No response was received.");
    assertStillServing();
  }

  /** Found by this test: the text said "EOFException. No response was received." although HTTP 200 had arrived. */
  @Test
  void aTruncatedChunkedBodyIsAnError() {
    String text = error(mode(client, "truncatedChunked"));

    assertThat(text).startsWith("Network error calling GET /v1/chaos/truncatedChunked on 127.0.0.1:")
        .endsWith(": the API closed the connection in the middle of the response. The API answered HTTP 200, "
            + "but its response body broke off; nothing of it is shown.");
    assertStillServing();
  }

  @Test
  void aBodyShorterThanItsContentLengthIsAnError() {
    String text = error(mode(client, "shortBody"));

    assertThat(text).startsWith("Network error calling GET /v1/chaos/shortBody on 127.0.0.1:")
        .endsWith(": the API closed the connection in the middle of the response. The API answered HTTP 200, "
            + "but its response body broke off; nothing of it is shown.");
    assertStillServing();
  }

  @Test
  void invalidJsonDeclaredAsJsonIsReturnedAsReceivedWithoutStructuredContent() {
    // By design (DESIGN.md, "drift is logged, never an error"): the body is what the API said; the model reads it.
    McpSchema.CallToolResult result = mode(client, "invalidJson");

    assertThat(result.isError()).isFalse();
    assertThat(SdkClients.text(result)).isEqualTo("{\"items\": [1, 2,, oops");
    assertThat(result.structuredContent()).isNull();
    assertStillServing();
  }

  @Test
  void a100MbStreamedBodyIsCutAtTheResponseBudget() {
    McpSchema.CallToolResult result = mode(client, "huge");

    String text = SdkClients.text(result);
    assertThat(result.isError()).isFalse();
    assertThat(text).endsWith("\n[truncated: the first " + BUDGET + " bytes are shown; the rest was not read]");
    assertThat(text.length()).isLessThan(Integer.parseInt(BUDGET) + 200);
    assertThat(text).startsWith("[1234567,1234567,");
    assertStillServing();
  }

  @Test
  void a10MbSingleLineJsonIsCutAtTheResponseBudget() {
    McpSchema.CallToolResult result = mode(client, "hugeLine");

    String text = SdkClients.text(result);
    assertThat(result.isError()).isFalse();
    assertThat(text).startsWith("{\"data\":\"aaaa")
        .endsWith("\n[truncated: " + BUDGET + " of " + ChaosApi.HUGE_LINE_BYTES + " bytes shown]");
    assertStillServing();
  }

  @Test
  void badAnswersInParallelLeaveTheServerServing() throws Exception {
    List<String> modes = List.of("huge", "notHttp", "error503", "truncatedChunked", "hugeLine", "shortBody", "ok");
    List<McpSchema.CallToolResult> results = modes.parallelStream().map(m -> mode(client, m)).toList();

    for (int i = 0; i < modes.size(); i++) {
      assertThat(results.get(i).isError()).as(modes.get(i))
          .isEqualTo(!List.of("huge", "hugeLine", "ok").contains(modes.get(i)));
      assertThat(SdkClients.text(results.get(i))).as(modes.get(i)).doesNotContain("Exception");
    }
    assertStillServing();
  }

  @Test
  void aRefusedConnectionIsAnErrorAndTheServerKeepsAnswering() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertDownApi("http://127.0.0.1:" + port + "/v1",
        "Network error calling GET /v1/chaos/ok on 127.0.0.1:" + port + ": the connection was refused "
            + "(is the API running and the base URL right?). No response was received.");
  }

  @Test
  void anUnresolvableHostIsAnErrorAndTheServerKeepsAnswering() throws Exception {
    // RFC 6761: .invalid never resolves.
    assertDownApi("http://api.openapi2mcp.invalid/v1",
        "Network error calling GET /v1/chaos/ok on api.openapi2mcp.invalid:80: the host name could not be "
            + "resolved. No response was received.");
  }

  private static void assertDownApi(String baseUrl, String expected) throws Exception {
    try (ServerProcess down = startServer(baseUrl)) {
      McpSyncClient downClient = SdkClients.http(down.awaitPort());
      try {
        downClient.initialize();
        assertThat(error(mode(downClient, "ok"))).isEqualTo(expected);
        assertThat(error(mode(downClient, "ok"))).isEqualTo(expected);
        assertThat(downClient.ping()).isNotNull();
        assertThat(downClient.listTools().tools()).extracting(McpSchema.Tool::name)
            .containsExactly("getMode", "getItem", "searchItems");
        assertThat(down.process().isAlive()).isTrue();
      } finally {
        downClient.closeGracefully();
      }
    }
  }
}
