package dev.openapi2mcp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Issue 3 ("Real-world specs", item 4): the real executor wiring honours {@code --max-response-bytes}. */
class McpServerMainTest {

  private static String callWith(String... args) throws Exception {
    ToolDefinition tool = ToolDefinition.builder("report").http("GET", "/report").build();
    ServerDefinition definition = ServerDefinition.builder("reports").version("1").tool(tool).build();
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      api.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/plain").body("z".repeat(5000)).build());
      ToolExecutor executor = new McpServerMain.RestExecutors().create(definition, api.url("/").toString(),
          Map.of(), CommandLine.parse(args));
      try {
        ObjectNode noArguments = new ObjectMapper().createObjectNode();
        ToolResult result = executor.execute(tool, noArguments, new CallContext("s", "c", "r"));
        return ((Content.Text) result.content().get(0)).text();
      } finally {
        ((AutoCloseable) executor).close();
      }
    }
  }

  @Test
  void theResponseBudgetFromTheCommandLineCutsTheResponse() throws Exception {
    assertThat(callWith("--max-response-bytes", "1000"))
        .isEqualTo("z".repeat(1000) + "\n[truncated: 1000 of 5000 bytes shown]");
  }

  @Test
  void withoutTheOptionTheDefaultBudgetApplies() throws Exception {
    assertThat(callWith()).isEqualTo("z".repeat(5000));
  }
}
