package dev.openapi2mcp.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.http.UpstreamOptions;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 in the protocol core, with raw JSON-RPC: progress rules, cancellation, server-to-client requests and their
 * edge cases (unknown answers, timeouts, revisions and clients without elicitation).
 */
class LongCallsCoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServerDefinition DEFINITION = ServerDefinition.builder("core").version("1")
      .baseUrl("http://127.0.0.1:9")
      .tool(ToolDefinition.builder("progress").readOnlyHint(true).http("GET", "/p").build())
      .tool(ToolDefinition.builder("wait").readOnlyHint(true).http("GET", "/w").build())
      .tool(ToolDefinition.builder("remove").destructiveHint(true).http("DELETE", "/r/{id}").build())
      .tool(ToolDefinition.builder("unannotated").http("POST", "/u").build())
      .tool(ToolDefinition.builder("read").readOnlyHint(true).destructiveHint(false).http("GET", "/r").build())
      .build();
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
    start(options, revision, capabilities, executor());
  }

  private void start(McpServerOptions options, String revision, String capabilities, ToolExecutor executor)
      throws Exception {
    server = new McpServer(DEFINITION, executor, options);
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
    assertThat(question.at("/params/message").asText()).isEqualTo("""
        Confirm the destructive operation 'remove' (DELETE /r/{id}) with these 2 arguments?
        - "id": 12
        - "why": "old\"""");
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

  /** The question the user is asked for a call of 'remove' with {@code arguments}; the call is then declined. */
  private String questionFor(ObjectNode arguments) throws Exception {
    CompletableFuture<ObjectNode> response = call(1, "remove", ",\"arguments\":" + arguments);
    ObjectNode question = awaitSent(LongCallsCoreTest::isQuestion);
    answer(question.get("id"), "{\"action\":\"decline\"}");
    assertThat(response.get(5, TimeUnit.SECONDS).at("/result/isError").asBoolean()).isTrue();
    assertThat(executed).hasValue(0);
    return question.at("/params/message").asText();
  }

  /**
   * Issue 11: a model must not be able to hide the argument that matters behind harmless ones. With 59 harmless
   * arguments first, the last one is still in the question.
   */
  @Test
  void theQuestionShowsEveryArgumentEvenTheSixtieth() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}");
    ObjectNode arguments = JSON.createObjectNode();
    for (int i = 1; i < 60; i++) {
      arguments.put(String.format("note%02d", i), "harmless " + i);
    }
    arguments.put("scope", "ALL_ACCOUNTS");

    String question = questionFor(arguments);

    assertThat(question).startsWith("Confirm the destructive operation 'remove' (DELETE /r/{id}) with these 60 "
        + "arguments?\n- \"note01\": \"harmless 1\"\n").endsWith("\n- \"scope\": \"ALL_ACCOUNTS\"");
    assertThat(question.lines()).hasSize(61);
  }

  /**
   * Issue 11: a value may not reorder or hide text on screen: bidirectional overrides, zero-width characters and
   * line breaks are shown as escapes, so the next argument cannot be made to look like part of a value or vanish.
   */
  @Test
  void charactersThatCouldHideTextAreShownEscaped() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}");
    String rlo = new String(Character.toChars(0x202E));
    String isolate = new String(Character.toChars(0x2066));
    String zeroWidth = new String(Character.toChars(0x200B));
    String lineSeparator = new String(Character.toChars(0x2028));
    ObjectNode arguments = JSON.createObjectNode()
        .put("label", "txt." + rlo + "exe" + isolate + zeroWidth + lineSeparator + "\n- \"scope\": \"none\"")
        .put("scope", "ALL");

    String question = questionFor(arguments);

    assertThat(question).doesNotContain(rlo, isolate, zeroWidth, lineSeparator);
    assertThat(question.lines()).containsExactly(
        "Confirm the destructive operation 'remove' (DELETE /r/{id}) with these 2 arguments?",
        "- \"label\": \"txt.\\u202Eexe\\u2066\\u200B\\u2028\\n- \\\"scope\\\": \\\"none\\\"\"",
        "- \"scope\": \"ALL\"");
  }

  /**
   * Issue 11: when the values are too long to show them all, the question says which arguments it does not show
   * and names every one of them; a long value is cut only with a statement of its full length.
   */
  @Test
  void whatIsNotShownIsNamedAndCutValuesSaySo() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}");
    ObjectNode arguments = JSON.createObjectNode();
    for (int i = 1; i < 60; i++) {
      arguments.put(String.format("note%02d", i), "x".repeat(2_000));
    }
    arguments.put("scope", "ALL_ACCOUNTS");

    String question = questionFor(arguments);

    assertThat(question).contains("\n- \"note01\": \"" + "x".repeat(499)
        + "... [cut: the first 500 of 2002 characters are shown]\n");
    int shown = (int) question.lines().filter(line -> line.startsWith("- ")).count();
    assertThat(shown).isBetween(2, 58);
    String notShown = IntStream.range(shown + 1, 60).mapToObj(i -> String.format("\"note%02d\", ", i))
        .collect(Collectors.joining()) + "\"scope\"";
    assertThat(question).endsWith("\nThe values of the other " + (60 - shown) + " arguments are not shown here, as "
        + "they are too long; they will be sent too: " + notShown);
    assertThat(question).endsWith(", \"note59\", \"scope\"");
  }

  /** Issue 11: arguments too many to be named honestly are refused without asking; nothing runs. */
  @Test
  void aCallWhoseArgumentsCannotAllBeNamedIsRefusedWithoutAsking() throws Exception {
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}");
    ObjectNode arguments = JSON.createObjectNode();
    for (int i = 0; i < 5_000; i++) {
      arguments.put("argument" + i, "y".repeat(100));
    }

    ObjectNode result = call(1, "remove", ",\"arguments\":" + arguments).get(5, TimeUnit.SECONDS);

    assertThat(result.at("/result/isError").asBoolean()).isTrue();
    assertThat(result.at("/result/content/0/text").asText()).startsWith(
        "Tool 'remove' was not run: its 5000 arguments are too many or too long to be shown to the user");
    assertThat(sent).isEmpty();
    assertThat(executed).hasValue(0);
  }

  /** Issue 11: the question shows arguments as the executor's audit does, with secrets redacted. */
  @Test
  void theQuestionShowsArgumentsRedactedAsTheExecutorAuditsThem() throws Exception {
    ToolExecutor redacting = new ToolExecutor() {
      @Override
      public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
        executed.incrementAndGet();
        return ToolResult.text("ran");
      }

      @Override
      public ObjectNode redactedArguments(ToolDefinition tool, ObjectNode arguments) {
        return arguments.deepCopy().put("password", "[redacted]");
      }
    };
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}",
        redacting);

    String question = questionFor(JSON.createObjectNode().put("id", 3).put("password", "hunter2-SECRET"));

    assertThat(question).endsWith("\n- \"id\": 3\n- \"password\": \"[redacted]\"").doesNotContain("SECRET");
  }


  /**
   * Issue 11: "every call is audited, including refused ones" holds for a call the user did not confirm: it has its
   * audit record (outcome {@code not_confirmed}, arguments redacted, nothing sent), like a call a rate limit refused.
   */
  @Test
  void aCallTheUserDidNotConfirmIsAudited() throws Exception {
    List<String> audit = new CopyOnWriteArrayList<>();
    try (RestToolExecutor rest = RestToolExecutor.create(DEFINITION, null,
        ExecutorOptions.defaults().withAuditSink(audit::add), UpstreamOptions.environment(Map.of()))) {
      start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}", rest);

      CompletableFuture<ObjectNode> response =
          call(4, "remove", ",\"arguments\":{\"id\":5,\"token\":\"t-SECRET\"}");
      ObjectNode question = awaitSent(LongCallsCoreTest::isQuestion);
      answer(question.get("id"), "{\"action\":\"decline\"}");
      assertThat(response.get(5, TimeUnit.SECONDS).at("/result/isError").asBoolean()).isTrue();

      assertThat(audit).hasSize(1);
      JsonNode record = JSON.readTree(audit.get(0));
      assertThat(record.get("tool").asText()).isEqualTo("remove");
      assertThat(record.get("outcome").asText()).isEqualTo("not_confirmed");
      assertThat(record.get("requestId").asText()).isEqualTo("4");
      assertThat(record.get("method").asText()).isEqualTo("DELETE");
      assertThat(record.get("url").isNull()).as("nothing was sent").isTrue();
      assertThat(record.get("arguments").toString()).isEqualTo("{\"id\":5,\"token\":\"[redacted]\"}");
    }
  }

  /**
   * Issue 11: a failure inside the server answers the request with a JSON-RPC error that carries a reference to the
   * server's log, never the exception's message.
   */
  @Test
  void anInternalFailureIsAnErrorWithAReferenceAndWithoutTheExceptionsMessage() throws Exception {
    ToolExecutor failing = new ToolExecutor() {
      @Override
      public ToolResult execute(ToolDefinition tool, ObjectNode arguments, CallContext context) {
        return ToolResult.text("ran");
      }

      @Override
      public ObjectNode redactedArguments(ToolDefinition tool, ObjectNode arguments) {
        throw new IllegalStateException("secret-xyz");
      }
    };
    start(McpServerOptions.defaults().withConfirmDestructive(true), "2025-11-25", "{\"elicitation\":{}}", failing);

    ObjectNode response = call(1, "remove", "").get(5, TimeUnit.SECONDS);

    assertThat(response.at("/error/code").asInt()).isEqualTo(JsonRpcException.INTERNAL_ERROR);
    assertThat(response.at("/error/message").asText())
        .matches("Internal error \\(error reference [0-9a-f]{8} in the server's log\\)");
    assertThat(response.toString()).doesNotContain("secret-xyz");
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
