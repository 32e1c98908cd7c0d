package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.http.resilience.BreakerPolicy;
import dev.openapi2mcp.runtime.http.resilience.Resilience;
import dev.openapi2mcp.runtime.http.resilience.RetryPolicy;
import dev.openapi2mcp.runtime.testing.FakeTime;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: retries of idempotent calls against a real HTTP server (MockWebServer). Waits go to a fake clock, so the
 * tests read exactly what would have been waited without waiting.
 */
class RetryTest {
  private static final ToolDefinition GET = ToolDefinition.builder("getPetById")
      .http("GET", "/pet/{petId}")
      .parameter(ParameterBinding.path("petId", "petId"))
      .build();
  private static final ToolDefinition PUT = ToolDefinition.builder("updatePet")
      .http("PUT", "/pet")
      .body(RequestBody.whole("application/json", true, "body"))
      .build();
  private static final ToolDefinition POST = ToolDefinition.builder("addPet")
      .http("POST", "/pet")
      .body(RequestBody.whole("application/json", true, "body"))
      .build();
  private static final RetryPolicy POLICY =
      new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  private final Harness harness = new Harness();
  private final FakeTime time = new FakeTime();

  @AfterEach
  void close() {
    harness.close();
  }

  private ExecutorOptions options(RetryPolicy policy) {
    return harness.options().withResilience(Resilience.defaults().withRetry(policy)
        .withBreaker(BreakerPolicy.disabled()).withTime(time).withRandom(new Random(42)));
  }

  private ToolResult call(ToolDefinition tool, String arguments, ExecutorOptions options) {
    return harness.executor(Harness.server(GET, PUT, POST), Map.of(), options)
        .execute(tool, Harness.args(arguments), Harness.CONTEXT);
  }

  private void enqueue(int code, String retryAfter) {
    MockResponse.Builder response = new MockResponse.Builder().code(code).body("busy");
    if (retryAfter != null) {
      response.addHeader("Retry-After", retryAfter);
    }
    harness.server.enqueue(response.build());
  }

  @Test
  void aGetThatMeets503IsRetriedAfterAJitteredBackoff() {
    enqueue(503, null);
    harness.enqueue(200, "{\"id\":1}");

    ToolResult result = call(GET, "{\"petId\":1}", options(POLICY));

    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    assertThat(Harness.text(result)).isEqualTo("{\"id\":1}");
    assertThat(harness.server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).hasSize(1);
    assertThat(time.sleeps().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("ok");
    assertThat(harness.singleAudit().get("status").asInt()).isEqualTo(200);
  }

  @Test
  void theJitterComesFromTheInjectedRandomSource() {
    for (int run = 0; run < 2; run++) {
      enqueue(502, null);
      enqueue(504, null);
      harness.enqueue(200, "ok");
      assertThat(call(GET, "{\"petId\":1}", options(POLICY)).isError()).isFalse();
    }
    // Same seed, same waits; the second wait of each call is drawn below the doubled cap.
    assertThat(time.sleeps()).hasSize(4);
    assertThat(time.sleeps().subList(2, 4)).isEqualTo(time.sleeps().subList(0, 2));
    assertThat(time.sleeps().get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    assertThat(time.sleeps().stream().distinct().count()).as("drawn, not fixed").isEqualTo(2);
  }

  @Test
  void aPutMeeting429IsRetriedAndItsBodySentAgain() throws Exception {
    enqueue(429, "1");
    harness.enqueue(200, "ok");

    ToolResult result = call(PUT, "{\"body\":{\"name\":\"Rex\"}}", options(POLICY));

    assertThat(result.isError()).isFalse();
    assertThat(harness.take().getBody().utf8()).isEqualTo("{\"name\":\"Rex\"}");
    assertThat(harness.take().getBody().utf8()).isEqualTo("{\"name\":\"Rex\"}");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aPostIsNeverRetriedButTheResultPassesOnRetryAfter() {
    enqueue(503, "5");
    harness.enqueue(200, "must not be reached");

    ToolResult result = call(POST, "{\"body\":{\"name\":\"Rex\"}}", options(POLICY));

    assertThat(result.isError()).isTrue();
    assertThat(harness.server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
    assertThat(Harness.text(result)).startsWith("HTTP 503 ")
        .endsWith("\nThe API asks to retry after 5 s (at 2025-06-01T12:00:05Z); POST is not idempotent, so it is "
            + "not retried automatically.");
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("upstream_error");
  }

  @Test
  void retryAfterInSecondsIsWaitedExactly() {
    enqueue(503, "7");
    harness.enqueue(200, "ok");

    assertThat(call(GET, "{\"petId\":1}", options(POLICY)).isError()).isFalse();

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(harness.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterAsAnHttpDateIsWaitedUntilThatTime() {
    String inSixSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(time.now().plusSeconds(6).atOffset(ZoneOffset.UTC));
    enqueue(429, inSixSeconds);
    harness.enqueue(200, "ok");

    ToolResult result = call(GET, "{\"petId\":1}", options(POLICY));

    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(6));
  }

  @Test
  void aRetryAfterLongerThanTheMaximumIsNotWaitedForAndTheResultSaysWhenToRetry() {
    enqueue(503, "120");
    harness.enqueue(200, "must not be reached");

    ToolResult result = call(GET, "{\"petId\":1}", options(POLICY));

    assertThat(result.isError()).isTrue();
    assertThat(harness.server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
    assertThat(Harness.text(result)).endsWith("\nThe API asked to wait 120 s (Retry-After) after 1 attempt (last: "
        + "HTTP 503), longer than the 30 s this server waits within one call; retry after 2025-06-01T12:02:00Z.");
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("retries_exhausted");
    assertThat(harness.singleAudit().get("status").asInt()).isEqualTo(503);
  }

  @Test
  void aWaitThatWouldPassTheCallTimeoutIsNotTaken() {
    enqueue(503, "8");
    harness.enqueue(200, "must not be reached");
    ExecutorOptions options = options(POLICY)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));

    ToolResult result = call(GET, "{\"petId\":1}", options);

    assertThat(harness.server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
    assertThat(Harness.text(result)).endsWith("\nGave up after 1 attempt (last: HTTP 503): waiting 8 s for another "
        + "would pass the call timeout of 5 s; retry in about 8 s.");
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("retries_exhausted");
  }

  @Test
  void whenEveryAttemptFailsTheResultSaysSoAndWhenToRetry() {
    enqueue(503, null);
    enqueue(503, null);
    enqueue(503, null);
    harness.enqueue(200, "must not be reached");

    ToolResult result = call(GET, "{\"petId\":1}", options(POLICY));

    assertThat(result.isError()).isTrue();
    assertThat(harness.server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).hasSize(2);
    assertThat(Harness.text(result)).startsWith("HTTP 503 ")
        .endsWith("\nGave up after 3 attempts (last: HTTP 503); retry in about 0.4 s.");
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("retries_exhausted");
  }

  @Test
  void otherErrorsAreNotRetried() {
    enqueue(500, "1");
    enqueue(404, null);

    assertThat(Harness.text(call(GET, "{\"petId\":1}", options(POLICY)))).startsWith("HTTP 500 ")
        .doesNotContain("retry");
    assertThat(Harness.text(call(GET, "{\"petId\":1}", options(POLICY)))).startsWith("HTTP 404 ");

    assertThat(harness.server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void withRetriesOffA503IsReturnedAsIs() {
    enqueue(503, null);

    ToolResult result = call(GET, "{\"petId\":1}", options(POLICY.withMaxRetries(0)));

    assertThat(harness.server.getRequestCount()).isEqualTo(1);
    assertThat(result.content()).hasSize(1);
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("upstream_error");
  }

  @Test
  void refusedConnectionsAreRetriedThenReported() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RestToolExecutor executor = RestToolExecutor.create(Harness.server(GET), "http://127.0.0.1:" + port + "/v2",
        Map.of(), options(POLICY));
    ToolResult result;
    try {
      result = executor.execute(GET, Harness.args("{\"petId\":1}"), Harness.CONTEXT);
    } finally {
      executor.close();
    }

    assertThat(time.sleeps()).hasSize(2);
    assertThat(Harness.text(result)).isEqualTo("Network error calling GET /v2/pet/1 on 127.0.0.1:" + port
        + ": the connection was refused (is the API running and the base URL right?). No response was received.\n"
        + "Gave up after 3 attempts (last: connection refused); retry in about 0.4 s.");
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("retries_exhausted");
  }
}
