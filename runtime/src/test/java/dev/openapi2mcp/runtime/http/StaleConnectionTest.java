package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.http.resilience.RetryPolicy;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins that connections the API closed while they sat in the pool never cost a call (issue 12): a request the API
 * certainly never saw is sent once more on a fresh connection, whatever its method and even with retries off; one
 * that may have reached the API is not sent again unless its method is idempotent.
 */
@Timeout(20)
class StaleConnectionTest {
  private static final ToolDefinition GET = ToolDefinition.builder("getPetById")
      .http("GET", "/pet/{petId}").parameter(ParameterBinding.path("petId", "petId")).build();
  private static final ToolDefinition POST = ToolDefinition.builder("feedPet")
      .http("POST", "/pet/{petId}/feed").parameter(ParameterBinding.path("petId", "petId")).build();

  private final List<String> audit = new CopyOnWriteArrayList<>();

  /** Retries off, and a keep-alive longer than the test APIs' idle time, as against a server with a short one. */
  private ExecutorOptions options() {
    ExecutorOptions defaults = ExecutorOptions.defaults();
    return defaults.withAuditSink(audit::add)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10))
        .withResilience(defaults.resilience().withRetry(RetryPolicy.defaults().withMaxRetries(0)))
        .withKeepAlive(Duration.ofSeconds(30));
  }

  /** {@code count} calls, {@code pauseMillis} apart, of {@code tools} in turn; pet ids count from 1. */
  private List<ToolResult> callsApart(ClosingApi api, long pauseMillis, int count, ToolDefinition... tools)
      throws Exception {
    List<ToolResult> results = new ArrayList<>();
    try (RestToolExecutor executor = RestToolExecutor.create(Harness.server(GET, POST), api.baseUrl(), Map.of(),
        options())) {
      for (int i = 1; i <= count; i++) {
        ToolDefinition tool = tools[(i - 1) % tools.length];
        results.add(executor.execute(tool, Harness.args("{\"petId\":" + i + "}"), Harness.CONTEXT));
        Thread.sleep(pauseMillis);
      }
    }
    return results;
  }

  /** Six calls, {@code pauseMillis} apart, each answered by the API exactly once and none an error. */
  private void sixCallsAllSucceed(ClosingApi.Mode mode, int idleMillis, long pauseMillis, ToolDefinition... tools)
      throws Exception {
    try (ClosingApi api = new ClosingApi(mode, idleMillis)) {
      List<ToolResult> results = callsApart(api, pauseMillis, 6, tools);

      assertThat(results).allSatisfy(result -> assertThat(result.isError()).as(Harness.text(result)).isFalse());
      assertThat(api.requests).hasSize(6);
    }
  }

  @Test
  void getsSpacedBeyondTheServersIdleTimeoutAllSucceed() throws Exception {
    sixCallsAllSucceed(ClosingApi.Mode.CLOSE_WHEN_IDLE, 100, 300, GET);
  }

  @Test
  void postsAndGetsSpacedBeyondTheServersIdleTimeoutAllSucceed() throws Exception {
    sixCallsAllSucceed(ClosingApi.Mode.CLOSE_WHEN_IDLE, 100, 300, POST, GET);
  }

  @Test
  void aServerThatClosesAfterEveryAnswerCostsNoCall() throws Exception {
    sixCallsAllSucceed(ClosingApi.Mode.CLOSE_AFTER_EACH_ANSWER, 5_000, 50, GET, POST);
  }

  @Test
  void aGetTheApiDroppedOnAPooledConnectionIsSentOnceMore() throws Exception {
    try (ClosingApi api = new ClosingApi(ClosingApi.Mode.DROP_SECOND_REQUEST, 5_000)) {
      List<ToolResult> results = callsApart(api, 0, 2, GET);

      assertThat(results).allSatisfy(result -> assertThat(result.isError()).as(Harness.text(result)).isFalse());
      assertThat(api.requests).containsExactly("GET /v2/pet/1 HTTP/1.1", "GET /v2/pet/2 HTTP/1.1",
          "GET /v2/pet/2 HTTP/1.1");
      assertThat(api.connections()).isEqualTo(2);
    }
  }

  @Test
  void aPostThatReachedTheApiIsNeverSentAgain() throws Exception {
    try (ClosingApi api = new ClosingApi(ClosingApi.Mode.DROP_SECOND_REQUEST, 5_000)) {
      List<ToolResult> results = callsApart(api, 0, 2, GET, POST);

      assertThat(results.get(0).isError()).as(Harness.text(results.get(0))).isFalse();
      assertThat(results.get(1).isError()).isTrue();
      assertThat(Harness.text(results.get(1))).startsWith("Network error calling POST /v2/pet/2/feed");
      assertThat(api.requests).containsExactly("GET /v2/pet/1 HTTP/1.1", "POST /v2/pet/2/feed HTTP/1.1");
    }
  }

  @Test
  void theKeepAliveClosesIdleConnectionsBeforeTheServerDoes() throws Exception {
    try (ClosingApi api = new ClosingApi(ClosingApi.Mode.DROP_SECOND_REQUEST, 5_000);
        RestToolExecutor executor = RestToolExecutor.create(Harness.server(GET, POST), api.baseUrl(), Map.of(),
            options().withKeepAlive(Duration.ofMillis(100)))) {
      assertThat(executor.execute(GET, Harness.args("{\"petId\":1}"), Harness.CONTEXT).isError()).isFalse();
      Thread.sleep(400);
      // The first connection was closed by the pool: the POST goes on a fresh one, which answers it.
      ToolResult post = executor.execute(POST, Harness.args("{\"petId\":2}"), Harness.CONTEXT);
      assertThat(post.isError()).as(Harness.text(post)).isFalse();
      assertThat(api.connections()).isEqualTo(2);
    }
  }
}
