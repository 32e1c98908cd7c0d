package dev.openapi2mcp.generator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.mcp.JsonRpcMessage;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.mcp.McpSession;
import dev.openapi2mcp.runtime.mcp.ProtocolRevision;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size lint measures is the size of what the generated server really sends (issue 4, item 5): the
 * {@code tools/list} result of the compiled petstore server, run in-process on the runtime, equals lint's
 * {@code tools-list.json} byte for byte once compacted, and its byte count is lint's.
 */
class ToolsListJsonTest {
  @TempDir Path dir;

  @Test
  void lintMeasuresExactlyTheToolsListTheRunningServerSends() throws Exception {
    Path reports = dir.resolve("reports");
    GeneratedServer generated = GeneratedServer.of(Specs.config("petstore.json", dir.resolve("out"), "petstore")
        .withReportDirectory(reports));
    LintReport report = generated.result().lint();

    JsonNode served;
    try (McpServer server = new McpServer(generated.definition(),
        (tool, arguments, context) -> ToolResult.error("not called"), McpServerOptions.defaults())) {
      McpSession session = new McpSession("s", "test");
      send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
          + ProtocolRevision.LATEST.id() + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
      send(server, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      served = send(server, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").get("result");
      byte[] servedBytes = server.codec().mapper().writeValueAsBytes(served);

      assertThat(served.has("nextCursor")).as("all 20 tools on one page").isFalse();
      String file = Files.readString(reports.resolve(ReportFiles.TOOLS_LIST_JSON), StandardCharsets.UTF_8);
      byte[] fileCompact = server.codec().mapper().writeValueAsBytes(server.codec().mapper().readTree(file));
      assertThat(new String(fileCompact, StandardCharsets.UTF_8))
          .isEqualTo(new String(servedBytes, StandardCharsets.UTF_8));
      assertThat(file).isEqualTo(ToolsListJson.pretty(served)).isEqualTo(report.toolsListJson());
      assertThat(report.totalBytes()).isEqualTo(servedBytes.length);
      assertThat(report.tokens()).isEqualTo((servedBytes.length + 3) / 4);
      for (int i = 0; i < served.get("tools").size(); i++) {
        JsonNode tool = served.get("tools").get(i);
        assertThat(report.sizes().get(i).tool()).isEqualTo(tool.get("name").asText());
        assertThat(report.sizes().get(i).bytes()).isEqualTo(server.codec().mapper().writeValueAsBytes(tool).length);
      }
    }
    assertThat(served.get("tools")).hasSize(20);
  }

  private static ObjectNode send(McpServer server, McpSession session, String json) throws Exception {
    JsonRpcMessage message = server.codec().read(json);
    return server.handle(message, session).get(10, TimeUnit.SECONDS);
  }
}
