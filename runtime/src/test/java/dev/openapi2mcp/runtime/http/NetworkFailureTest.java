package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkFailureTest {
  private static final ToolDefinition TOOL = ToolDefinition.builder("getPetById")
      .http("GET", "/pet/{petId}")
      .parameter(ParameterBinding.path("petId", "petId"))
      .build();

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void connectionRefusedIsAnErrorNamingTheHost() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RestToolExecutor executor = RestToolExecutor.create(Harness.server(TOOL), "http://127.0.0.1:" + port + "/v2",
        Map.of(), harness.options());
    ToolResult result;
    try {
      result = executor.execute(TOOL, Harness.args("{\"petId\":1}"), Harness.CONTEXT);
    } finally {
      executor.close();
    }

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).isEqualTo("Network error calling GET /v2/pet/1 on 127.0.0.1:" + port
        + ": the connection was refused (is the API running and the base URL right?). No response was received.");
    JsonNode audit = harness.singleAudit();
    assertThat(audit.get("outcome").asText()).isEqualTo("network_error");
    assertThat(audit.get("status").isNull()).isTrue();
  }

  @Test
  void aSilentApiHitsTheReadTimeout() {
    harness.server.enqueue(new MockResponse.Builder().body("late").headersDelay(3, TimeUnit.SECONDS).build());
    ExecutorOptions options = harness.options()
        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(10));

    ToolResult result = harness.executor(Harness.server(TOOL), Map.of(), options)
        .execute(TOOL, Harness.args("{\"petId\":1}"), Harness.CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).startsWith("Network error calling GET /api/v2/pet/1 on "
            + harness.server.getHostName() + ":" + harness.server.getPort() + ": ")
        .contains("no data from the API for 300 ms (read timeout)")
        .doesNotContain("Exception", "\tat ");
    assertThat(harness.singleAudit().get("outcome").asText()).isEqualTo("network_error");
  }

  @Test
  void aSlowBodyHitsTheCallTimeout() {
    harness.server.enqueue(new MockResponse.Builder().body("x".repeat(100))
        .throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
    ExecutorOptions options = harness.options()
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(500));

    ToolResult result = harness.executor(Harness.server(TOOL), Map.of(), options)
        .execute(TOOL, Harness.args("{\"petId\":1}"), Harness.CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(Harness.text(result)).contains("the call took longer than 500 ms (call timeout)");
  }
}
