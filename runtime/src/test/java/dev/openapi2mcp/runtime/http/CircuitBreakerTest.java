package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.http.resilience.BreakerPolicy;
import dev.openapi2mcp.runtime.http.resilience.Resilience;
import dev.openapi2mcp.runtime.http.resilience.RetryPolicy;
import dev.openapi2mcp.runtime.testing.FakeTime;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 5: the circuit breaker of an upstream, against a real HTTP server, with a fake clock for the cool-down. */
class CircuitBreakerTest {
  private static final ToolDefinition GET = ToolDefinition.builder("getPetById")
      .http("GET", "/pet/{petId}")
      .parameter(ParameterBinding.path("petId", "petId"))
      .build();

  private final Harness harness = new Harness();
  private final FakeTime time = new FakeTime();
  private RestToolExecutor executor;

  @AfterEach
  void close() {
    harness.close();
  }

  private void start(int retries) {
    ExecutorOptions options = harness.options().withResilience(Resilience.defaults()
        .withRetry(RetryPolicy.defaults().withMaxRetries(retries))
        .withBreaker(new BreakerPolicy(3, Duration.ofSeconds(30)))
        .withTime(time)
        .withRandom(new Random(1)));
    executor = harness.executor(Harness.server(GET), Map.of(), options);
  }

  private ToolResult call() {
    return executor.execute(GET, Harness.args("{\"petId\":1}"), Harness.CONTEXT);
  }

  private JsonNode lastAudit() {
    String line = harness.audit.get(harness.audit.size() - 1);
    try {
      return Harness.JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String upstream() {
    return "http://" + harness.server.getHostName() + ":" + harness.server.getPort();
  }

  @Test
  void opensAfterConsecutiveFailuresAndThenSendsNothing() {
    start(0);
    for (int i = 0; i < 3; i++) {
      harness.enqueue(503, "down");
      assertThat(call().isError()).isTrue();
    }
    harness.enqueue(200, "must not be reached");

    ToolResult refused = call();

    assertThat(harness.server.getRequestCount()).isEqualTo(3);
    assertThat(refused.isError()).isTrue();
    assertThat(Harness.text(refused)).isEqualTo("The API at " + upstream() + " is failing (3 failures in a row, "
        + "last: HTTP 503); calls to it are paused until 2025-06-01T12:00:30Z, retry in about 30 s. "
        + "No request was sent.");
    JsonNode audit = lastAudit();
    assertThat(audit.get("outcome").asText()).isEqualTo("circuit_open");
    assertThat(audit.get("status").isNull()).isTrue();

    time.advance(Duration.ofSeconds(20));
    assertThat(Harness.text(call())).contains("paused until 2025-06-01T12:00:30Z, retry in about 10 s.");
    assertThat(harness.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void clientErrorsDoNotCountAndASuccessResetsTheCount() {
    start(0);
    harness.enqueue(500, "a");
    harness.enqueue(502, "b");
    harness.enqueue(404, "not found");
    harness.enqueue(500, "c");
    harness.enqueue(500, "d");
    harness.enqueue(429, "slow down");
    harness.enqueue(200, "ok");
    harness.enqueue(500, "e");
    harness.enqueue(500, "f");
    harness.enqueue(200, "still up");

    for (int i = 0; i < 9; i++) {
      call();
    }
    ToolResult last = call();

    assertThat(Harness.text(last)).isEqualTo("still up");
    assertThat(harness.server.getRequestCount()).isEqualTo(10);
  }

  @Test
  void afterTheCoolDownOneTrialCallGoesThroughAndItsSuccessCloses() {
    start(0);
    for (int i = 0; i < 3; i++) {
      harness.enqueue(500, "down");
      call();
    }
    time.advance(Duration.ofSeconds(30));
    harness.enqueue(200, "back");
    harness.enqueue(200, "and again");

    assertThat(Harness.text(call())).isEqualTo("back");
    assertThat(Harness.text(call())).isEqualTo("and again");
    assertThat(harness.server.getRequestCount()).isEqualTo(5);
    assertThat(lastAudit().get("outcome").asText()).isEqualTo("ok");
  }

  @Test
  void aFailedTrialOpensItForAnotherCoolDown() {
    start(0);
    for (int i = 0; i < 3; i++) {
      harness.enqueue(500, "down");
      call();
    }
    time.advance(Duration.ofSeconds(31));
    harness.enqueue(504, "still down");
    harness.enqueue(200, "must not be reached");

    assertThat(Harness.text(call())).startsWith("HTTP 504 ");
    ToolResult refused = call();

    assertThat(harness.server.getRequestCount()).isEqualTo(4);
    assertThat(Harness.text(refused)).isEqualTo("The API at " + upstream() + " is failing (4 failures in a row, "
        + "last: HTTP 504); calls to it are paused until 2025-06-01T12:01:01Z, retry in about 30 s. "
        + "No request was sent.");
    assertThat(lastAudit().get("outcome").asText()).isEqualTo("circuit_open");
  }

  @Test
  void retriesCountAsFailuresAndStopWhenTheBreakerOpens() {
    start(5);
    for (int i = 0; i < 6; i++) {
      harness.enqueue(503, "down");
    }

    ToolResult result = call();

    // Three attempts open the breaker; the fourth is refused without a request and ends the retries.
    assertThat(harness.server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).hasSize(3);
    assertThat(Harness.text(result)).startsWith("The API at " + upstream() + " is failing (3 failures in a row, "
        + "last: HTTP 503); calls to it are paused until ")
        .contains("The call was sent 3 times before the breaker opened; the next retry was not sent.")
        .doesNotContain("No request was sent");
    assertThat(lastAudit().get("outcome").asText()).isEqualTo("circuit_open");
  }
}
