package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.http.resilience.TimeSource;
import dev.openapi2mcp.runtime.observability.Tracing;
import dev.openapi2mcp.runtime.observability.TracingExecutor;
import dev.openapi2mcp.runtime.testing.SessionDigests;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit record of each call (issue 5: fields, redaction, one record per call, framing on stderr). */
class AuditTest {
  private static final String KEY = "configured-KEY-93a1f";
  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static final ToolDefinition LOGIN = ToolDefinition.builder("login")
      .http("POST", "/invites/{inviteToken}/accept")
      .parameter(ParameterBinding.path("inviteToken", "inviteToken"))
      .parameter(ParameterBinding.query("password", "password", false))
      .parameter(ParameterBinding.query("page", "page", false))
      .parameter(ParameterBinding.query("key", "api_key", false))
      .parameter(ParameterBinding.header("trace", "X-Auth-Token", false))
      .parameter(ParameterBinding.cookie("sid", "session_id", false))
      .body(RequestBody.flattened("application/json", true, "username", "username", "pin", "client_secret",
          "profile", "profile"))
      .security("api_key")
      .build();

  private RestToolExecutor executor(ToolDefinition tool) {
    ServerDefinition definition = ServerDefinition.builder("petstore")
        .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "api_key"))
        .tool(tool)
        .build();
    return harness.executor(definition, Map.of("PETSTORE_API_KEY", KEY),
        harness.options().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  @Test
  void oneLinePerCallWithEveryFieldAndSecretsRedacted() {
    harness.enqueue(201, "created");

    ToolResult result = executor(LOGIN).execute(LOGIN, Harness.args("""
        {"inviteToken": "inv-SECRET-1", "password": "pw-SECRET-2", "page": 2, "key": "qk-SECRET-3",
         "trace": "hdr-SECRET-4", "sid": "cookie-SECRET-5", "username": "alice", "pin": "pin-SECRET-6",
         "profile": {"displayName": "Alice", "recovery": {"passwordHint": "hint-SECRET-7"}}}
        """), new CallContext("sess-9", "127.0.0.1:5555", "42"));

    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    RecordedRequest request = harness.take();
    assertThat(request.getUrl().queryParameter("password")).isEqualTo("pw-SECRET-2");
    JsonNode line = harness.singleAudit();
    assertThat(line.properties().stream().map(Map.Entry::getKey).toList()).containsExactly(
        "time", "tool", "api", "session", "caller", "requestId", "arguments", "method", "url", "status", "durationMs",
        "outcome", "traceId");
    assertThat(line.get("time").asText()).isEqualTo("2026-03-01T10:15:30.123Z");
    assertThat(line.get("tool").asText()).isEqualTo("login");
    assertThat(line.get("api").isNull()).as("not a catalog").isTrue();
    assertThat(line.get("session").asText()).as("a digest of the session id, never the id")
        .isEqualTo(SessionDigests.of("sess-9"));
    assertThat(line.get("caller").asText()).isEqualTo("127.0.0.1:5555");
    assertThat(line.get("requestId").asText()).isEqualTo("42");
    assertThat(line.get("arguments")).isEqualTo(Harness.args("""
        {"inviteToken": "[redacted]", "password": "[redacted]", "page": 2, "key": "[redacted]",
         "trace": "[redacted]", "sid": "[redacted]", "username": "alice", "pin": "[redacted]",
         "profile": {"displayName": "Alice", "recovery": {"passwordHint": "[redacted]"}}}
        """));
    assertThat(line.get("method").asText()).isEqualTo("POST");
    assertThat(line.get("url").asText()).isEqualTo(
        harness.server.url("/api/v2/invites/***/accept").toString() + "?password=***&page=2&api_key=***");
    assertThat(line.get("status").asInt()).isEqualTo(201);
    assertThat(line.get("durationMs").isIntegralNumber()).isTrue();
    assertThat(line.get("durationMs").asLong()).isNotNegative();
    assertThat(line.get("outcome").asText()).isEqualTo("ok");
    assertThat(line.get("traceId").isNull()).as("untraced").isTrue();

    String everything = String.join("\n", harness.audit) + Harness.text(result);
    assertThat(everything).doesNotContain("SECRET", KEY, "sess-9");
  }

  /**
   * Issue 11: a session id in the audit trail would let whoever reads it act in that session; the record carries
   * a digest instead, the same for every call of the session, so calls can still be put together.
   */
  @Test
  void theSessionIsRecordedAsAStableDigestNeverAsItsId() {
    ToolDefinition tool = ToolDefinition.builder("getPet").http("GET", "/pet").build();
    RestToolExecutor executor = executor(tool);
    String session = "Zm9vYmFyLXNlc3Npb24taWQtMjU2LWJpdHMtcmFuZG9t";
    harness.enqueue(200, "one");
    harness.enqueue(200, "two");
    harness.enqueue(200, "three");

    executor.execute(tool, Harness.args("{}"), new CallContext(session, "127.0.0.1:1", "1"));
    executor.execute(tool, Harness.args("{}"), new CallContext(session, "127.0.0.1:1", "2"));
    executor.execute(tool, Harness.args("{}"), new CallContext(session + "x", "127.0.0.1:1", "3"));

    List<String> sessions = harness.audit.stream().map(line -> parse(line).get("session").asText()).toList();
    assertThat(sessions.get(0)).matches("[0-9a-f]{16}").isEqualTo(SessionDigests.of(session))
        .isEqualTo(sessions.get(1));
    assertThat(sessions.get(2)).as("another session").isNotEqualTo(sessions.get(0));
    assertThat(String.join("\n", harness.audit)).doesNotContain(session);
  }

  /**
   * Issue 11: what the user is shown to confirm a destructive call is redacted exactly as the audit record, also
   * through the executors that wrap the REST executor in a server (tracing, rate limits); the call's own arguments are
   * left as they are.
   */
  @Test
  void argumentsShownForConfirmationAreTheAuditsThroughTheWholeExecutorChain() {
    RestToolExecutor rest = executor(LOGIN);
    ToolExecutor chain = new TracingExecutor(new RateLimitedExecutor(rest, new RateLimiter(null, null,
        TimeSource.system()), Harness.server(LOGIN), harness.options()), Tracing.NONE);
    ObjectNode arguments = Harness.args("""
        {"inviteToken": "inv-SECRET-1", "password": "pw-SECRET-2", "page": 2, "key": "qk-SECRET-3",
         "username": "copy of configured-KEY-93a1f", "profile": {"recovery": {"passwordHint": "hint-SECRET-7"}}}
        """);
    ObjectNode original = arguments.deepCopy();
    harness.enqueue(201, "created");

    ObjectNode shown = chain.redactedArguments(LOGIN, arguments);
    rest.execute(LOGIN, arguments, new CallContext("s", "c", "1"));

    assertThat(shown).isEqualTo(harness.singleAudit().get("arguments"));
    assertThat(shown.toString()).doesNotContain("SECRET", KEY).contains("\"page\":2");
    assertThat(arguments).isEqualTo(original);
  }

  @Test
  void theOutcomeAndStatusFollowTheCall() {
    ToolDefinition tool = ToolDefinition.builder("getPet").http("GET", "/pet").build();
    RestToolExecutor executor = executor(tool);
    harness.enqueue(200, "fine");
    harness.enqueue(500, "boom");

    executor.execute(tool, Harness.args("{}"), null);
    executor.execute(tool, Harness.args("{}"), null);

    assertThat(harness.audit).hasSize(2);
    JsonNode ok = parse(harness.audit.get(0));
    JsonNode failed = parse(harness.audit.get(1));
    assertThat(ok.get("outcome").asText()).isEqualTo("ok");
    assertThat(ok.get("status").asInt()).isEqualTo(200);
    assertThat(ok.get("session").isNull()).isTrue();
    assertThat(ok.get("caller").isNull()).isTrue();
    assertThat(failed.get("outcome").asText()).isEqualTo("upstream_error");
    assertThat(failed.get("status").asInt()).isEqualTo(500);
  }

  @Test
  void concurrentCallsEachGetTheirResultAndOneAuditLine() throws Exception {
    ToolDefinition tool = harness.petsAnsweredByDispatcher();
    RestToolExecutor executor = executor(tool);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ToolResult>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        int id = i;
        futures.add(pool.submit(() -> executor.execute(tool, Harness.args("{\"petId\":" + id + "}"), null)));
      }
      for (int i = 0; i < 64; i++) {
        assertThat(Harness.text(futures.get(i).get())).isEqualTo("pet " + i);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(harness.audit).hasSize(64);
    assertThat(harness.audit.stream().map(line -> parse(line).get("arguments").get("petId").asInt()))
        .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 64).boxed().toList());
    assertThat(harness.server.getRequestCount()).isEqualTo(64);
  }

  @Test
  void theDefaultSinkIsStandardErrorWithTheAuditPrefix() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ToolDefinition tool = ToolDefinition.builder("getPet").http("GET", "/pet").build();
      harness.enqueue(200, "fine");
      RestToolExecutor.create(Harness.server(tool), harness.baseUrl(), Map.of(),
              harness.options().withAuditSink(AuditSink.stderr()))
          .execute(tool, Harness.args("{}"), Harness.CONTEXT);
    } finally {
      System.setErr(original);
    }

    String[] lines = captured.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    assertThat(lines).hasSize(1);
    assertThat(lines[0]).startsWith(AuditSink.STDERR_PREFIX + "{");
    JsonNode record = parse(lines[0].substring(AuditSink.STDERR_PREFIX.length()));
    assertThat(record.get("tool").asText()).isEqualTo("getPet");
    assertThat(record.get("requestId").asText()).isEqualTo("req-7");
  }

  @Test
  void aCredentialCopiedIntoAnInnocentArgumentIsScrubbed() {
    ToolDefinition tool = ToolDefinition.builder("search").http("GET", "/search")
        .parameter(ParameterBinding.query("q", "q", false))
        .parameter(ParameterBinding.query("tags", "tags", false))
        .security("api_key")
        .build();
    harness.enqueue(200, "[]");

    executor(tool).execute(tool, Harness.args("{\"q\": \"look for " + KEY + " please\", \"tags\": [\"" + KEY
        + "\", \"cats\"]}"), Harness.CONTEXT);

    JsonNode arguments = harness.singleAudit().get("arguments");
    assertThat(arguments.get("q").asText()).isEqualTo("look for *** please");
    assertThat(arguments.get("tags")).containsExactly(TextNode.valueOf("***"), TextNode.valueOf("cats"));
    assertThat(harness.take().getUrl().queryParameter("q")).as("the API still gets the argument")
        .isEqualTo("look for " + KEY + " please");
  }

  @Test
  void secretKeysInsideAnObjectQueryParameterStayOutOfTheUrl() {
    ToolDefinition tool = ToolDefinition.builder("find").http("GET", "/find")
        .parameter(new ParameterBinding("filter", "filter", ParameterLocation.QUERY, "deepObject", true, false))
        .build();
    harness.enqueue(200, "[]");

    executor(tool).execute(tool, Harness.args("{\"filter\": {\"name\": \"rex\", \"password\": \"pw-SECRET\"}}"),
        Harness.CONTEXT);

    JsonNode record = harness.singleAudit();
    assertThat(harness.take().getUrl().queryParameter("filter[password]")).isEqualTo("pw-SECRET");
    assertThat(record.get("url").asText()).endsWith("/find?filter%5Bname%5D=rex&filter%5Bpassword%5D=***");
    assertThat(record.get("arguments").get("filter").get("password").asText()).isEqualTo("[redacted]");
  }

  private static JsonNode parse(String line) {
    try {
      return Harness.JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
