package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 in the protocol core, with raw JSON-RPC: progress rules, cancellation, server-to-client requests and their
 * edge cases (unknown answers, timeouts, revisions and clients without elicitation).
 */
class LongCallsCoreTest {
  private final List<ObjectNode> sent = new CopyOnWriteArrayList<>();
  private final AtomicInteger executed = new AtomicInteger();
  private final AtomicReference<CallChannel> leaked = new AtomicReference<>();
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private McpServer server;
  private McpSession session;

  @AfterEach
  void close() {
    if (server != null) {
      server.close(Duration.ofSeconds(1));
    }
  }

  /** Tools: progress (reports), wait (blocks until cancelled), remove (destructive), read (read-only). */
  private ToolExecutor executor() {
    return (tool, arguments, context) -> {
      executed.incrementAndGet();
      CallChannel channel = context.channel();
      leaked.set(channel);
      switch (tool.name()) {
        case "progress" -> {
          channel.progress(1, null, "one");
          channel.progress(1, null, "again one: dropped");
          channel.progress(0.5, null, "backwards: dropped");
          channel.progress(3, 10.0, "three");
        }
        case "wait" -> {
          channel.onCancel(cancelled::countDown);
          try {
            cancelled.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        default -> { }
      }
      return ToolResult.text("ran " + tool.name());
    };
  }

  private void start(McpServerOptions options, String revision, String capabilities) throws Exception {
    ServerDefinition definition = ServerDefinition.builder("core").version("1")
        .baseUrl("http://127.0.0.1:9")
        .tool(ToolDefinition.builder("progress").readOnlyHint(true).http("GET", "/p").build())
        .tool(ToolDefinition.builder("wait").readOnlyHint(true).http("GET", "/w").build())
        .tool(ToolDefinition.builder("remove").destructiveHint(true).http("DELETE", "/r/{id}").build())
        .tool(ToolDefinition.builder("unannotated").http("POST", "/u").build())
        .tool(ToolDefinition.builder("read").readOnlyHint(true).destructiveHint(false).http("GET", "/r").build())
        .build();
    server = new McpServer(definition, executor(), options);
    session = new McpSession(null, "test");
    session.setSink(sent::add);
    ObjectNode init = send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + revision + "\",\"capabilities\":" + capabilities + ",\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
        .get(5, TimeUnit.SECONDS);
    assertThat(init.has("result")).as(init.toString()).isTrue();
  }

  private CompletableFuture<ObjectNode> send(String json) throws JsonRpcException {
    return server.handle(server.codec().read(json), session);
  }

  private CompletableFuture<ObjectNode> call(int id, String tool, String extra) throws JsonRpcException {
    return send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\"" + extra + "}}");
  }

  private ObjectNode awaitSent(Predicate<ObjectNode> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      for (ObjectNode message : sent) {
        if (match.test(message)) {
          return message;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("nothing matching was sent; sent: " + sent);
  }

  private static boolean isQuestion(ObjectNode message) {
    return message.path("method").asText().equals("elicitation/create");
  }

  private void answer(JsonNode id, String result) throws Exception {
    assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}").get(5, TimeUnit.SECONDS))
        .isNull();
  }

  @Test
  void progressCarriesTheTokenOnlyIncreasesAndStopsWithTheResult() throws Exception {
    start(McpServerOptions.defaults(), "2025-11-25", "{}");
    ObjectNode response = call(1, "progress", ",\"_meta\":{\"progressToken\":\"p-1\"}").get(5, TimeUnit.SECONDS);
    assertThat(response.at("/result/isError").asBoolean()).isFalse();
    assertThat(sent).extracting(m -> m.at("/params/progress").asDouble()).containsExactly(1.0, 3.0);
    assertThat(sent).allSatisfy(m -> {
      assertThat(m.get("method").asText()).isEqualTo("notifications/progress");
      assertThat(m.at("/params/progressToken").asText()).isEqualTo("p-1");
    });
    assertThat(sent.get(0).at("/params").has("total")).isFalse();
    assertThat(sent.get(1).at("/params/total").asDouble()).isEqualTo(10.0);
    assertThat(sent.get(1).at("/params/message").asText()).isEqualTo("three");

    leaked.get().progress(5, null, "after the result");
    leaked.get().log(LogLevel.EMERGENCY, null, null);
    assertThat(sent).hasSize(2);
  }

  @Test
  void withoutAProgressTokenNoProgressIsSent() throws Exception {
    start(McpServerOptions.defaults(), "2025-11-25", "{}");
    call(1, "progress", "").get(5, TimeUnit.SECONDS);
    assertThat(sent).isEmpty();
  }

  @Test
  void aCancelledCallIsAbortedAndAnsweredWithNothing() throws Exception {
    start(McpServerOptions.defaults(), "2025-11-25", "{}");
    CompletableFuture<ObjectNode> running = call(4, "wait", "");
    awaitExecuted(1);
    assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":4}}")
        .get(5, TimeUnit.SECONDS)).isNull();
    assertThat(cancelled.await(5, TimeUnit.SECONDS)).as("the executor's cancel action ran").isTrue();
    assertThat(running.get(5, TimeUnit.SECONDS)).as("no response for a cancelled request").isNull();
    assertThat(leaked.get().isCancelled()).isTrue();
  }

  @Test
  void cancellingAnUnknownOrFinishedRequestIsIgnored() throws Exception {
    start(McpServerOptions.defaults(), "2025-11-25", "{}");
    ObjectNode done = call(5, "read", "").get(5, TimeUnit.SECONDS);
    for (String id : List.of("5", "\"5\"", "99", "null")) {
      assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + id
          + "}}").get(5, TimeUnit.SECONDS)).isNull();
    }
    assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"}").get(5, TimeUnit.SECONDS))
        .isNull();
    assertThat(done.at("/result/isError").asBoolean()).isFalse();
    assertThat(call(6, "read", "").get(5, TimeUnit.SECONDS).at("/result/content/0/text").asText())
        .isEqualTo("ran read");
  }

  @Test
  void aResponseToAnUnknownIdIsIgnoredAndTheServerKeepsServing() throws Exception {
    start(McpServerOptions.defaults(), "2025-11-25", "{}");
    answer(server.codec().mapper().readTree("\"openapi2mcp-77\""), "{\"action\":\"accept\"}");
    assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-1,\"message\":\"x\"}}")
        .get(5, TimeUnit.SECONDS)).isNull();
    assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}").get(5, TimeUnit.SECONDS).get("result"))
        .isNotNull();
    assertThat(sent).isEmpty();
  }

  @Test
  void aDestructiveToolRunsOnlyAfterTheUserConfirmed() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}");
    CompletableFuture<ObjectNode> response = call(1, "remove", ",\"arguments\":{\"id\":12,\"why\":\"old\"}");
    ObjectNode question = awaitSent(LongCallsCoreTest::isQuestion);
    assertThat(question.get("id").asText()).startsWith("openapi2mcp-");
    assertThat(question.at("/params/mode").asText()).isEqualTo("form");
    assertThat(question.at("/params/message").asText())
        .isEqualTo("Confirm the destructive operation 'remove' (DELETE /r/{id}) with id=12, why=\"old\"?");
    assertThat(question.at("/params/requestedSchema/required/0").asText()).isEqualTo("confirm");
    assertThat(executed).hasValue(0);
    answer(question.get("id"), "{\"action\":\"accept\",\"content\":{\"confirm\":true}}");
    assertThat(response.get(5, TimeUnit.SECONDS).at("/result/content/0/text").asText()).isEqualTo("ran remove");
  }

  @Test
  void aToolWithoutHintsCountsAsDestructiveAsMcpDefaultsSayAndReadOnlyToolsAreNotAsked() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}");
    assertThat(call(1, "read", "").get(5, TimeUnit.SECONDS).at("/result/isError").asBoolean()).isFalse();
    assertThat(sent).isEmpty();
    CompletableFuture<ObjectNode> response = call(2, "unannotated", "");
    ObjectNode question = awaitSent(LongCallsCoreTest::isQuestion);
    assertThat(question.at("/params/message").asText()).endsWith("without arguments?");
    answer(question.get("id"), "{\"action\":\"decline\"}");
    ObjectNode result = response.get(5, TimeUnit.SECONDS);
    assertThat(result.at("/result/isError").asBoolean()).isTrue();
    assertThat(result.at("/result/content/0/text").asText())
        .isEqualTo("Tool 'unannotated' was not run: not confirmed by the user (the user declined).");
    assertThat(executed).hasValue(1);
  }

  @Test
  void anUnansweredQuestionTimesOutAndALateAnswerIsIgnored() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true).withElicitationTimeout(Duration.ofMillis(300)),
        "2025-11-25", "{\"elicitation\":{\"form\":{}}}");
    CompletableFuture<ObjectNode> response = call(1, "remove", "");
    ObjectNode question = awaitSent(LongCallsCoreTest::isQuestion);
    ObjectNode result = response.get(5, TimeUnit.SECONDS);
    assertThat(result.at("/result/content/0/text").asText())
        .contains("not confirmed by the user").contains("no answer from the user within");
    assertThat(session.requests().size()).isZero();
    answer(question.get("id"), "{\"action\":\"accept\",\"content\":{\"confirm\":true}}");
    assertThat(executed).hasValue(0);
  }

  @Test
  void cancellingACallThatWaitsForTheUserEndsTheWaitAndRunsNothing() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}");
    CompletableFuture<ObjectNode> response = call(3, "remove", "");
    awaitSent(LongCallsCoreTest::isQuestion);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}");
    assertThat(response.get(5, TimeUnit.SECONDS)).isNull();
    assertThat(executed).hasValue(0);
    assertThat(session.requests().size()).isZero();
  }

  @Test
  void theClientsErrorAnswerIsReportedAndNothingRuns() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-06-18", "{\"elicitation\":{}}");
    CompletableFuture<ObjectNode> response = call(1, "remove", "");
    ObjectNode question = awaitSent(LongCallsCoreTest::isQuestion);
    assertThat(question.at("/params").has("mode")).as("2025-06-18 has no elicitation modes").isFalse();
    send("{\"jsonrpc\":\"2.0\",\"id\":" + question.get("id") + ",\"error\":{\"code\":-32601,\"message\":\"no UI\"}}");
    assertThat(response.get(5, TimeUnit.SECONDS).at("/result/content/0/text").asText())
        .contains("not confirmed by the user").contains("error -32601: no UI");
    assertThat(executed).hasValue(0);
  }

  @Test
  void clientsThatCannotConfirmGetAnErrorSayingHowToDisableTheSetting() throws Exception {
    for (String[] client : List.of(
        new String[] {"2025-11-25", "{}"},
        new String[] {"2025-11-25", "{\"elicitation\":{\"url\":{}}}"},
        new String[] {"2025-03-26", "{\"elicitation\":{}}"})) {
      start(McpServerOptions.defaults().withConfirmDestructive(true), client[0], client[1]);
      ObjectNode result = call(1, "remove", "").get(5, TimeUnit.SECONDS);
      assertThat(result.at("/result/isError").asBoolean()).isTrue();
      assertThat(result.at("/result/content/0/text").asText()).as(String.join(" ", client))
          .contains("requires the user's confirmation").contains("--confirm-destructive");
      assertThat(sent).isEmpty();
      server.close();
    }
    assertThat(executed).hasValue(0);
  }

  @Test
  void withoutTheSettingDestructiveToolsRunUnasked() throws Exception {
    start(McpServerOptions.defaults(), "2025-11-25", "{\"elicitation\":{}}");
    assertThat(call(1, "remove", "").get(5, TimeUnit.SECONDS).at("/result/content/0/text").asText())
        .isEqualTo("ran remove");
    assertThat(sent).isEmpty();
  }

  private void awaitExecuted(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (executed.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(executed.get()).isEqualTo(count);
  }
}
