package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.mcp.LogLevel;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** What the REST executor tells a call's client (issue 5): progress steps, warnings, and never a credential. */
class LongCallExecutorTest {
  private static final String SECRET = "k-93f1-secret";

  /** A channel that records what it is given. */
  private static final class Recording implements CallChannel {
    final List<double[]> progress = new CopyOnWriteArrayList<>();
    final List<String> logs = new CopyOnWriteArrayList<>();

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public Registration onCancel(Runnable action) {
      return () -> {};
    }

    @Override
    public void progress(double value, Double total, String message) {
      progress.add(new double[] {value, total == null ? -1 : total});
    }

    @Override
    public void log(LogLevel level, String logger, JsonNode data) {
      logs.add(level.wireName() + " " + logger + " " + data.asText());
    }
  }

  private static final ToolDefinition GET = ToolDefinition.builder("getThing").readOnlyHint(true)
      .outputSchema("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}")
      .http("GET", "/thing").security("key").build();

  private static ServerDefinition server() {
    return ServerDefinition.builder("petstore").version("1")
        .securityScheme(SecurityScheme.apiKey("key", ParameterLocation.QUERY, "key"))
        .tool(GET).build();
  }

  @Test
  void progressCountsTwoStepsThenBodyBytesWithTheContentLengthAsTotal() {
    try (Harness harness = new Harness()) {
      harness.server.enqueue(new MockResponse.Builder().code(200).body("z".repeat(150_000)).build());
      Recording channel = new Recording();
      ToolResult result = harness.executor(server(), Map.of("PETSTORE_KEY", SECRET))
          .execute(GET, Harness.args("{}"), new CallContext("s", "c", "1", channel));
      assertThat(result.isError()).isFalse();
      assertThat(channel.progress.get(0)).containsExactly(1, -1);
      assertThat(channel.progress.get(1)).containsExactly(2, 150_002);
      assertThat(channel.progress.get(channel.progress.size() - 1)).containsExactly(150_002, 150_002);
      // 64 KiB steps: at 65536 and 131072 bytes, then the end.
      assertThat(channel.progress).hasSize(5);
    }
  }

  @Test
  void upstreamErrorsAndDriftBecomeWarningsWithoutCredentials() {
    try (Harness harness = new Harness()) {
      harness.server.enqueue(new MockResponse.Builder().code(503).body("down; your key " + SECRET).build());
      harness.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"n\":\"" + SECRET + "\"}").build());
      Recording channel = new Recording();
      RestToolExecutor executor = harness.executor(server(), Map.of("PETSTORE_KEY", SECRET));
      CallContext context = new CallContext("s", "c", "1", channel);
      assertThat(executor.execute(GET, Harness.args("{}"), context).isError()).isTrue();
      assertThat(executor.execute(GET, Harness.args("{}"), context).isError()).isFalse();
      assertThat(channel.logs).hasSize(2);
      assertThat(channel.logs.get(0))
          .isEqualTo("warning openapi2mcp.http tool 'getThing': GET /api/v2/thing: the API answered HTTP 503");
      assertThat(channel.logs.get(1)).startsWith("warning openapi2mcp.http tool 'getThing': the response does not"
          + " match its outputSchema");
      assertThat(channel.logs).noneMatch(line -> line.contains(SECRET));
    }
  }
}
