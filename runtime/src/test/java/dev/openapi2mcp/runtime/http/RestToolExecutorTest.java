package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestToolExecutorTest {
  private static final ToolDefinition TOOL = ToolDefinition.builder("ping").http("GET", "/ping").build();

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theSpecBaseUrlIsUsedWhenNoneIsGiven() {
    harness.enqueue(200, "pong");
    ServerDefinition definition = ServerDefinition.builder("svc").baseUrl(harness.server.url("/root").toString())
        .tool(TOOL).build();

    try (RestToolExecutor executor = RestToolExecutor.create(definition, null, Map.of(), harness.options())) {
      ToolResult result = executor.execute(TOOL, null, null);
      assertThat(Harness.text(result)).isEqualTo("pong");
    }
    assertThat(harness.take().getTarget()).isEqualTo("/root/ping");
  }

  @Test
  void anExplicitBaseUrlOverridesTheSpec() {
    harness.enqueue(200, "pong");
    ServerDefinition definition = ServerDefinition.builder("svc").baseUrl("http://spec.invalid/x").tool(TOOL).build();

    try (RestToolExecutor executor = RestToolExecutor.create(definition, harness.baseUrl(), Map.of(),
        harness.options())) {
      executor.execute(TOOL, null, null);
    }
    assertThat(harness.take().getTarget()).isEqualTo("/api/v2/ping");
  }

  @Test
  void noBaseUrlAtAllFailsCreationWithAHint() {
    ServerDefinition definition = ServerDefinition.builder("svc").tool(TOOL).build();

    assertThatThrownBy(() -> RestToolExecutor.create(definition, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server 'svc' has no base URL")
        .hasMessageContaining("--base-url");
  }

  @Test
  void aRelativeOrNonHttpBaseUrlFailsCreationNamingIt() {
    ServerDefinition relative = ServerDefinition.builder("svc").baseUrl("/api/v3").tool(TOOL).build();

    assertThatThrownBy(() -> RestToolExecutor.create(relative, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base URL '/api/v3' of server 'svc' is not an absolute http or https URL");
    assertThatThrownBy(() -> RestToolExecutor.create(relative, "ftp://host/x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ftp://host/x'");
  }

  @Test
  void percentEncodingKeepsOnlyUnreservedCharacters() {
    assertThat(PercentEncoder.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
    assertThat(PercentEncoder.encode(" !\"#$%&'()*+,/:;=?@[]")).isEqualTo(
        "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D");
    assertThat(PercentEncoder.encode("é€😀")).isEqualTo("%C3%A9%E2%82%AC%F0%9F%98%80");
  }
}
