package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ToolsCallTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final McpServer server = SampleServer.server(McpServerOptions.defaults());

  @AfterEach
  void close() {
    server.close();
  }

  private Conversation client(String version) {
    Conversation client = new Conversation(server, new McpSession(null, "test"));
    client.initialize(version);
    return client;
  }

  private static String call(String tool, String argumentsJson) {
    return "{\"name\":\"" + tool + "\"" + (argumentsJson == null ? "" : ",\"arguments\":" + argumentsJson) + "}";
  }

  @Test
  void successfulCallReturnsTheExecutorsContent() throws Exception {
    JsonNode result = client("2025-11-25").result(1, "tools/call", call("echo", "{\"text\":\"hi\"}"));
    assertThat(result).isEqualTo(mapper.readTree(
        "{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"text\\\":\\\"hi\\\"}\"}],\"isError\":false}"));
  }

  @Test
  void absentOrNullArgumentsAreAnEmptyObject() {
    Conversation client = client("2025-11-25");
    assertThat(client.result(1, "tools/call", call("echo", null)).at("/content/0/text").asText()).isEqualTo("{}");
    assertThat(client.result(2, "tools/call", call("echo", "null")).at("/content/0/text").asText()).isEqualTo("{}");
  }

  @Test
  void argumentsThatAreNotAnObjectAreInvalidParams() {
    Conversation client = client("2025-11-25");
    for (String arguments : List.of("[1]", "\"x\"", "3")) {
      ObjectNode response = client.request(3, "tools/call", call("echo", arguments));
      assertThat(response.at("/error/code").asInt()).as(arguments).isEqualTo(JsonRpcException.INVALID_PARAMS);
      assertThat(response.at("/error/message").asText()).contains("arguments");
    }
  }

  @Test
  void unknownOrMissingToolNameIsInvalidParams() {
    Conversation client = client("2025-11-25");
    ObjectNode unknown = client.request(4, "tools/call", call("nope", "{}"));
    assertThat(unknown.at("/error/code").asInt()).isEqualTo(JsonRpcException.INVALID_PARAMS);
    assertThat(unknown.at("/error/message").asText()).contains("'nope'");
    ObjectNode missing = client.request(5, "tools/call", "{\"arguments\":{}}");
    assertThat(missing.at("/error/code").asInt()).isEqualTo(JsonRpcException.INVALID_PARAMS);
    assertThat(missing.at("/error/message").asText()).contains("name");
  }

  @Test
  void anErrorResultIsPassedOnWithIsError() {
    JsonNode result = client("2025-11-25").result(6, "tools/call", call("fail", "{}"));
    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText()).isEqualTo("upstream answered 500");
  }

  @Test
  void anExecutorExceptionBecomesAShortErrorResultWithoutItsMessageOrStack() {
    JsonNode result = client("2025-11-25").result(7, "tools/call", call("boom", "{}"));
    assertThat(result.get("isError").asBoolean()).isTrue();
    String text = result.at("/content/0/text").asText();
    assertThat(text).contains("'boom'").doesNotContain(SampleServer.SECRET).doesNotContain("at dev.");
    assertThat(result.toString()).doesNotContain(SampleServer.SECRET).doesNotContain("IllegalStateException");
  }

  @Test
  void structuredContentOnlyWhereTheRevisionHasIt() throws Exception {
    JsonNode latest = client("2025-06-18").result(8, "tools/call", call("structured", "{}"));
    assertThat(latest.get("structuredContent")).isEqualTo(mapper.readTree("{\"n\":42}"));
    JsonNode old = client("2025-03-26").result(8, "tools/call", call("structured", "{}"));
    assertThat(old.has("structuredContent")).isFalse();
    assertThat(old.at("/content/0/text").asText()).isEqualTo("{\"n\":42}");
  }

  @Test
  void mediaContentBlocksAreSerializedPerRevision() throws Exception {
    JsonNode latest = client("2025-11-25").result(9, "tools/call", call("media", "{}"));
    assertThat(latest.get("content")).isEqualTo(mapper.readTree("""
        [{"type":"image","data":"aW1n","mimeType":"image/png"},
         {"type":"audio","data":"YXVk","mimeType":"audio/wav"},
         {"type":"resource","resource":{"uri":"http://127.0.0.1:9/api/file","mimeType":"application/pdf",
                                        "blob":"YmxvYg=="}}]"""));
    JsonNode old = client("2024-11-05").result(9, "tools/call", call("media", "{}"));
    JsonNode audio = old.at("/content/1");
    assertThat(audio.get("type").asText()).isEqualTo("resource");
    assertThat(audio.at("/resource/blob").asText()).isEqualTo("YXVk");
    assertThat(audio.at("/resource/mimeType").asText()).isEqualTo("audio/wav");
    assertThat(audio.at("/resource/uri").asText()).isNotEmpty();
  }

  @Test
  void theExecutorSeesSessionCallerAndRequestId() throws Exception {
    AtomicReference<CallContext> seen = new AtomicReference<>();
    McpServer capturing = new McpServer(oneTool(), (tool, args, context) -> {
      seen.set(context);
      return ToolResult.text("ok");
    }, McpServerOptions.defaults());
    try {
      Conversation client = new Conversation(capturing, new McpSession("sess-1", "127.0.0.1:5555"));
      client.initialize("2025-11-25");
      client.send("{\"jsonrpc\":\"2.0\",\"id\":\"req-9\",\"method\":\"tools/call\",\"params\":{\"name\":\"t\"}}");
      assertThat(seen.get().sessionId()).isEqualTo("sess-1");
      assertThat(seen.get().caller()).isEqualTo("127.0.0.1:5555");
      assertThat(seen.get().requestId()).isEqualTo("req-9");
      assertThat(seen.get().channel()).isNotSameAs(CallChannel.NONE);
    } finally {
      capturing.close();
    }
  }

  private static ServerDefinition oneTool() {
    return ServerDefinition.builder("one").version("1")
        .tool(ToolDefinition.builder("t").description("d").http("GET", "/").build())
        .tool(ToolDefinition.builder("u").description("d").http("GET", "/").build())
        .build();
  }

  /** Sends tools/call for {@code tool} without waiting. */
  private static CompletableFuture<ObjectNode> start(McpServer server, McpSession session, int id, String tool)
      throws JsonRpcException {
    return server.handle(server.codec().read(
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\"}}"),
        session);
  }

  @Test
  void callsRunConcurrentlyOffTheCallersThread() throws Exception {
    CountDownLatch uStarted = new CountDownLatch(1);
    // t can only finish once u has started: if calls ran one after another, t would time out.
    ToolExecutor executor = (tool, args, context) -> {
      if (tool.name().equals("t")) {
        try {
          return uStarted.await(5, TimeUnit.SECONDS) ? ToolResult.text("t done") : ToolResult.error("u never ran");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return ToolResult.error("interrupted");
        }
      }
      uStarted.countDown();
      return ToolResult.text("u done");
    };
    McpServer concurrent = new McpServer(oneTool(), executor, McpServerOptions.defaults().withToolThreads(2));
    try {
      McpSession session = new McpSession(null, "test");
      new Conversation(concurrent, session).initialize("2025-11-25");
      CompletableFuture<ObjectNode> t = start(concurrent, session, 1, "t");
      assertThat(t).isNotDone();
      CompletableFuture<ObjectNode> u = start(concurrent, session, 2, "u");
      assertThat(t.get(10, TimeUnit.SECONDS).at("/result/content/0/text").asText()).isEqualTo("t done");
      assertThat(u.get(10, TimeUnit.SECONDS).at("/result/content/0/text").asText()).isEqualTo("u done");
    } finally {
      concurrent.close();
    }
  }

  @Test
  void aFullPoolRefusesTheCallAsBusyAndCloseAnswersQueuedCalls() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    ToolExecutor blocking = (tool, args, context) -> {
      running.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ToolResult.text("released");
    };
    McpServer small = new McpServer(oneTool(), blocking,
        McpServerOptions.defaults().withToolThreads(1).withMaxQueuedCalls(1));
    McpSession session = new McpSession(null, "test");
    new Conversation(small, session).initialize("2025-11-25");

    CompletableFuture<ObjectNode> first = start(small, session, 1, "t");
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<ObjectNode> queued = start(small, session, 2, "t");
    ObjectNode refused = start(small, session, 3, "t").get(5, TimeUnit.SECONDS);
    assertThat(refused.at("/error/code").asInt()).isEqualTo(JsonRpcException.INTERNAL_ERROR);
    assertThat(refused.at("/error/message").asText()).contains("busy");

    assertThat(small.close(Duration.ofMillis(200))).isFalse();
    ObjectNode abandoned = queued.get(5, TimeUnit.SECONDS);
    assertThat(abandoned.at("/result/isError").asBoolean()).isTrue();
    assertThat(abandoned.at("/result/content/0/text").asText()).contains("shutting down");
    // The running call was interrupted and still answered.
    assertThat(first.get(5, TimeUnit.SECONDS).at("/result/content/0/text").asText()).isEqualTo("released");

    ObjectNode afterClose = start(small, session, 4, "t").get(5, TimeUnit.SECONDS);
    assertThat(afterClose.at("/error/message").asText()).contains("shutting down");
  }

  @Test
  void closeWaitsForRunningCallsToFinish() throws Exception {
    McpSession session = new McpSession(null, "test");
    new Conversation(server, session).initialize("2025-11-25");
    CompletableFuture<ObjectNode> slow = server.handle(server.codec().read(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{\"ms\":300}}}"),
        session);
    assertThat(server.close(Duration.ofSeconds(10))).isTrue();
    assertThat(slow).isDone();
    assertThat(slow.get().at("/result/content/0/text").asText()).isEqualTo("slept 300 1");
  }
}
