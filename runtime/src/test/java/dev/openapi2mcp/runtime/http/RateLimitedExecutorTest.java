package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.http.resilience.RateLimit;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.testing.FakeTime;
import dev.openapi2mcp.runtime.testing.SessionDigests;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 5: rate limits in front of the REST executor, against a real HTTP server that counts what reaches it. */
class RateLimitedExecutorTest {
  private static final ToolDefinition LOGIN = ToolDefinition.builder("loginUser")
      .http("GET", "/user/login")
      .parameter(ParameterBinding.query("username", "username", true))
      .parameter(ParameterBinding.query("password", "password", true))
      .build();
  private static final ServerDefinition SERVER = Harness.server(LOGIN);
  private static final CallContext ALICE = new CallContext("session-a", "127.0.0.1:5000", "1");
  private static final CallContext BOB = new CallContext("session-b", "127.0.0.1:5001", "1");
  private static final CallContext STDIO = new CallContext(null, "stdio", "1");

  private final Harness harness = new Harness();
  private final FakeTime time = new FakeTime();

  @AfterEach
  void close() {
    harness.close();
  }

  private RateLimitedExecutor executor(String global, String perSession) {
    RateLimiter limiter = new RateLimiter(global == null ? null : RateLimit.parse(global),
        perSession == null ? null : RateLimit.parse(perSession), time);
    return new RateLimitedExecutor(harness.executor(SERVER), limiter, SERVER, harness.options());
  }

  private ToolResult call(RateLimitedExecutor executor, CallContext context) {
    harness.enqueue(200, "ok");
    return executor.execute(LOGIN, Harness.args("{\"username\":\"alice\",\"password\":\"hunter2\"}"), context);
  }

  private JsonNode audit(int index) {
    try {
      return Harness.JSON.readTree(harness.audit.get(index));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void eachSessionHasItsOwnBucket() {
    RateLimitedExecutor executor = executor(null, "2/s");

    assertThat(call(executor, ALICE).isError()).isFalse();
    assertThat(call(executor, ALICE).isError()).isFalse();
    ToolResult refused = call(executor, ALICE);
    assertThat(call(executor, BOB).isError()).as("another session is not held back").isFalse();

    assertThat(refused.isError()).isTrue();
    assertThat(Harness.text(refused)).isEqualTo("Rate limit of 2 calls/s per session exceeded; retry in 0.5 s. "
        + "No request was sent to the API.");
    assertThat(harness.server.getRequestCount()).isEqualTo(3);
    JsonNode audit = audit(2);
    assertThat(audit.get("outcome").asText()).isEqualTo("rate_limited");
    assertThat(audit.get("session").asText()).isEqualTo(SessionDigests.of("session-a"));
    assertThat(audit.get("url").isNull()).isTrue();
    assertThat(audit.get("status").isNull()).isTrue();
    assertThat(audit.get("arguments").get("password").asText()).isEqualTo("[redacted]");
    assertThat(harness.audit).hasSize(4);

    time.advance(Duration.ofMillis(499));
    assertThat(Harness.text(call(executor, ALICE))).contains("retry in 0.1 s");
    time.advance(Duration.ofMillis(1));
    assertThat(call(executor, ALICE).isError()).isFalse();
  }

  @Test
  void withoutASessionTheCallerIsTheKey() {
    RateLimitedExecutor executor = executor(null, "1/m");

    assertThat(call(executor, STDIO).isError()).isFalse();
    assertThat(Harness.text(call(executor, STDIO)))
        .isEqualTo("Rate limit of 1 call/min per session exceeded; retry in 60 s. No request was sent to the API.");
    assertThat(call(executor, new CallContext(null, "another-caller", "1")).isError()).isFalse();
  }

  @Test
  void theGlobalLimitHoldsAllSessionsTogetherAndRefusedCallsCostTheSessionNothing() {
    RateLimitedExecutor executor = executor("3/s", "2/s");

    assertThat(call(executor, ALICE).isError()).isFalse();
    assertThat(call(executor, BOB).isError()).isFalse();
    assertThat(call(executor, BOB).isError()).isFalse();
    ToolResult refused = call(executor, ALICE);

    assertThat(Harness.text(refused)).isEqualTo("Rate limit of 3 calls/s for this server (all sessions together) "
        + "exceeded; retry in 0.4 s. No request was sent to the API.");
    assertThat(harness.server.getRequestCount()).isEqualTo(3);
    // A third of a second later the global bucket has a token again; Alice's own bucket still has one left, since
    // her refused call gave its token back.
    time.advance(Duration.ofNanos(333_333_334));
    assertThat(call(executor, ALICE).isError()).isFalse();
    assertThat(Harness.text(call(executor, ALICE))).startsWith("Rate limit of 2 calls/s per session exceeded");
  }
}
