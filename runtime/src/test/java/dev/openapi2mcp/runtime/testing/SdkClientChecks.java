package dev.openapi2mcp.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the official Java SDK client must be able to do against the sample server, whatever the transport. The
 * server must have a tools/list page size of 3.
 */
public final class SdkClientChecks {
  private SdkClientChecks() {}

  public static void initialize(McpSyncClient client) {
    McpSchema.InitializeResult init = client.initialize();
    assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
    assertThat(init.serverInfo().name()).isEqualTo("sample");
    assertThat(init.serverInfo().version()).isEqualTo("1.2.3");
    assertThat(init.serverInfo().title()).isEqualTo("Sample API");
    assertThat(init.instructions()).isEqualTo("Use echo to test.");
    assertThat(init.capabilities().tools()).isNotNull();
    assertThat(init.capabilities().logging()).isNotNull();
    assertThat(client.ping()).isNotNull();
  }

  public static void listToolsAcrossPages(McpSyncClient client) {
    McpSchema.ListToolsResult first = client.listTools(null);
    assertThat(first.tools()).extracting(McpSchema.Tool::name).containsExactly("echo", "structured", "fail");
    assertThat(first.nextCursor()).isNotBlank();
    McpSchema.ListToolsResult second = client.listTools(first.nextCursor());
    assertThat(second.tools()).extracting(McpSchema.Tool::name).containsExactly("boom", "media", "slow");
    McpSchema.ListToolsResult third = client.listTools(second.nextCursor());
    assertThat(third.tools()).extracting(McpSchema.Tool::name).containsExactly("log", "noisy");
    assertThat(third.nextCursor()).isNull();

    List<McpSchema.Tool> all = client.listTools().tools();
    assertThat(all).hasSize(8);
    McpSchema.Tool echo = all.get(0);
    assertThat(echo.title()).isEqualTo("Echo the arguments");
    assertThat(echo.description()).isEqualTo("Returns its arguments as JSON.");
    assertThat(echo.inputSchema()).containsEntry("type", "object");
    // issue 6: only hints that differ from MCP's defaults are sent. echo is read-only, so its destructive and
    // idempotent hints mean nothing and are left out; fail's destructiveHint true is the default.
    assertThat(echo.annotations().readOnlyHint()).isTrue();
    assertThat(echo.annotations().destructiveHint()).isNull();
    assertThat(echo.annotations().title()).isNull();
    assertThat(all.get(2).name()).isEqualTo("fail");
    assertThat(all.get(2).annotations()).isNull();
    assertThat(all.get(1).outputSchema()).containsEntry("type", "object");
  }

  public static void callTools(McpSyncClient client) {
    McpSchema.CallToolResult echo = client.callTool(call("echo", Map.of("text", "hi")));
    assertThat(echo.isError()).isFalse();
    assertThat(((McpSchema.TextContent) echo.content().get(0)).text()).isEqualTo("{\"text\":\"hi\"}");

    McpSchema.CallToolResult structured = client.callTool(call("structured", Map.of()));
    assertThat(structured.structuredContent()).isEqualTo(Map.of("n", 42));

    McpSchema.CallToolResult fail = client.callTool(call("fail", Map.of()));
    assertThat(fail.isError()).isTrue();
    assertThat(((McpSchema.TextContent) fail.content().get(0)).text()).isEqualTo("upstream answered 500");

    McpSchema.CallToolResult boom = client.callTool(call("boom", Map.of()));
    assertThat(boom.isError()).isTrue();
    assertThat(((McpSchema.TextContent) boom.content().get(0)).text()).doesNotContain(SampleServer.SECRET);

    McpError unknown = catchThrowableOfType(McpError.class,
        () -> client.callTool(call("no_such_tool", Map.of())));
    assertThat(unknown).isNotNull();
    assertThat(unknown.getJsonRpcError().code()).isEqualTo(-32602);
  }

  /**
   * After {@code setLoggingLevel(DEBUG)} the log tool's debug and info messages arrive; after {@code WARNING}
   * neither does. Calls are repeated while waiting because over HTTP the client's event stream opens
   * asynchronously and messages sent before it exists have nowhere to go.
   */
  public static void setLevelFiltersLogMessages(McpSyncClient client, List<McpSchema.LoggingMessageNotification> seen)
      throws InterruptedException {
    client.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (levels(seen).size() < 2 && System.nanoTime() < deadline) {
      client.callTool(call("log", Map.of()));
      Thread.sleep(100);
    }
    assertThat(levels(seen)).contains(McpSchema.LoggingLevel.DEBUG, McpSchema.LoggingLevel.INFO);
    assertThat(seen).extracting(McpSchema.LoggingMessageNotification::data)
        .contains("debug message", "info message");

    client.setLoggingLevel(McpSchema.LoggingLevel.WARNING);
    seen.clear();
    client.callTool(call("log", Map.of()));
    Thread.sleep(300);
    assertThat(seen).isEmpty();
  }

  private static McpSchema.CallToolRequest call(String name, Map<String, Object> arguments) {
    return McpSchema.CallToolRequest.builder(name).arguments(arguments).build();
  }

  private static List<McpSchema.LoggingLevel> levels(List<McpSchema.LoggingMessageNotification> seen) {
    return seen.stream().map(McpSchema.LoggingMessageNotification::level).distinct().toList();
  }
}
