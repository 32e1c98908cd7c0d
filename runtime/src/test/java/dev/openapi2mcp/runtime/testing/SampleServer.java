package dev.openapi2mcp.runtime.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.mcp.LogLevel;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small hand-made server for transport and protocol tests: eight tools in a fixed order and a fake executor whose
 * behaviour each tool name selects.
 */
public final class SampleServer {
  public static final String NAME = "sample";
  public static final String SECRET = "s3cr3t-token-value";

  private SampleServer() {}

  public static ServerDefinition definition() {
    return ServerDefinition.builder(NAME)
        .version("1.2.3")
        .title("Sample API")
        .instructions("Use echo to test.")
        .baseUrl("http://127.0.0.1:9/api")
        .tools(List.of(
            ToolDefinition.builder("echo").title("Echo the arguments").description("Returns its arguments as JSON.")
                .inputSchema("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}")
                .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
                .http("GET", "/echo").build(),
            ToolDefinition.builder("structured").title("Structured").description("Returns structured content.")
                .outputSchema("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}")
                .http("GET", "/structured").build(),
            ToolDefinition.builder("fail").description("Returns an error result.")
                .destructiveHint(true).http("DELETE", "/fail").build(),
            ToolDefinition.builder("boom").description("Throws from the executor.").http("POST", "/boom").build(),
            ToolDefinition.builder("media").description("Returns image, audio and blob content.")
                .http("GET", "/media").build(),
            ToolDefinition.builder("slow").description("Sleeps for 'ms' milliseconds, then answers.")
                .inputSchema("{\"type\":\"object\",\"properties\":{\"ms\":{\"type\":\"integer\"}}}")
                .http("GET", "/slow").build(),
            ToolDefinition.builder("log").description("Sends a debug and an info log message to the client.")
                .http("GET", "/log").build(),
            ToolDefinition.builder("noisy").description("Prints to System.out, then answers.")
                .http("GET", "/noisy").build()))
        .build();
  }

  /** A server over the sample definition and {@link #executor}. */
  public static McpServer server(dev.openapi2mcp.runtime.mcp.McpServerOptions options) {
    AtomicReference<McpServer> self = new AtomicReference<>();
    McpServer server = new McpServer(definition(), executor(self), options);
    self.set(server);
    return server;
  }

  /**
   * The fake executor. {@code server} is read at call time so that the {@code log} tool can reach the calling
   * session through {@link McpServer#sessionOf(CallContext)}.
   */
  public static ToolExecutor executor(AtomicReference<McpServer> server) {
    return (tool, arguments, context) -> switch (tool.name()) {
      case "echo" -> ToolResult.text(arguments.toString());
      case "structured" -> new ToolResult(
          List.of(new Content.Text("{\"n\":42}")),
          JsonNodeFactory.instance.objectNode().put("n", 42),
          false);
      case "fail" -> ToolResult.error("upstream answered 500");
      case "boom" -> throw new IllegalStateException("leaked " + SECRET);
      case "media" -> new ToolResult(
          List.of(
              new Content.Image("aW1n", "image/png"),
              new Content.Audio("YXVk", "audio/wav"),
              new Content.Blob("http://127.0.0.1:9/api/file", "YmxvYg==", "application/pdf")),
          null,
          false);
      case "slow" -> {
        sleep(arguments.path("ms").asLong(0));
        yield ToolResult.text("slept " + arguments.path("ms").asLong(0) + " " + context.requestId());
      }
      case "log" -> {
        server.get().sessionOf(context).ifPresent(session -> {
          session.log(LogLevel.DEBUG, "sample", TextNode.valueOf("debug message"));
          session.log(LogLevel.INFO, "sample", TextNode.valueOf("info message"));
        });
        yield ToolResult.text("logged");
      }
      case "noisy" -> {
        System.out.println("stray output that must not reach the protocol stream");
        yield ToolResult.text("printed");
      }
      default -> ToolResult.error("no such fake tool " + tool.name());
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
