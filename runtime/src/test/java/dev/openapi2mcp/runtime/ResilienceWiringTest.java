package dev.openapi2mcp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RateLimitedExecutor;
import dev.openapi2mcp.runtime.http.ToolDispatcher;
import dev.openapi2mcp.runtime.observability.TracingExecutor;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Issue 5: the command line's timeouts, retries and rate limits reach the executor of generated servers. */
class ResilienceWiringTest {
  private static final ToolDefinition TOOL = ToolDefinition.builder("listPets").http("GET", "/pets").build();
  private static final ServerDefinition DEFINITION =
      ServerDefinition.builder("petstore").version("1").tool(TOOL).build();

  @Test
  void timeoutsAndRetriesReachTheExecutorOptions() throws Exception {
    ExecutorOptions options = McpServerMain.executorOptions(CommandLine.parse(
        "--connect-timeout", "1s", "--read-timeout", "2s", "--call-timeout", "3s", "--retries", "5"));

    assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.readTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(options.resilience().retry().maxRetries()).isEqualTo(5);
  }

  @Test
  void withoutRateLimitsTheExecutorIsNotWrapped() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      ToolExecutor executor = untraced(new McpServerMain.RestExecutors()
          .create(DEFINITION, api.url("/").toString(), Map.of(), CommandLine.parse()));
      assertThat(executor).isInstanceOf(ToolDispatcher.class);
      ((ToolDispatcher) executor).close();
    }
  }

  @Test
  void aServerStartedWithRetriesAndARateLimitRetriesAndLimits() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.enqueue(new MockResponse.Builder().code(503).build());
      api.enqueue(new MockResponse.Builder().code(200).body("[]").build());
      api.start();
      ToolExecutor executor = untraced(new McpServerMain.RestExecutors().create(DEFINITION,
          api.url("/").toString(), Map.of(), CommandLine.parse("--retries", "1", "--rate-limit-per-session", "1/h")));
      assertThat(executor).isInstanceOf(RateLimitedExecutor.class);
      CallContext session = new CallContext("s-1", "127.0.0.1", "1");
      try {
        ToolResult first = executor.execute(TOOL, JsonNodeFactory.instance.objectNode(), session);
        ToolResult second = executor.execute(TOOL, JsonNodeFactory.instance.objectNode(), session);

        assertThat(text(first)).isEqualTo("[]");
        assertThat(api.getRequestCount()).isEqualTo(2);
        assertThat(second.isError()).isTrue();
        assertThat(text(second)).startsWith("Rate limit of 1 call/h per session exceeded; retry in ");
      } finally {
        ((RateLimitedExecutor) executor).close();
      }
    }
  }

  /** The test class path has OpenTelemetry, so the chain starts with the tracing executor (issue 5). */
  private static ToolExecutor untraced(ToolExecutor executor) {
    assertThat(executor).isInstanceOf(TracingExecutor.class);
    return ((TracingExecutor) executor).delegate();
  }

  private static String text(ToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }
}
