package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.testing.SessionDigests;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: the JSON-lines audit file ({@code --audit-log FILE}) over real HTTP to a MockWebServer API: every
 * credential type and sensitive header arguments never reach it, one whole line per call under concurrency, append
 * mode, and a clear error when it cannot be opened.
 */
@Timeout(120)
class AuditFileTest {
  private static final String HEADER_KEY = "hdr-KEY-1f0a9c";
  private static final String QUERY_KEY = "qry-KEY-77b2e4";
  private static final String COOKIE_KEY = "ck-KEY-5d3c21";
  private static final String BEARER = "bearer-TOKEN-ae41";
  private static final String OAUTH = "oauth-TOKEN-93c7";
  private static final String OIDC = "oidc-TOKEN-0b8d";
  private static final String USER = "svc-user";
  private static final String PASSWORD = "basic-PASSWORD-c2f6";
  private static final String PIN = "pin-4417-SECRET";
  private static final String SESSION_COOKIE = "cookie-SECRET-88";

  @TempDir
  Path temp;

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ToolDefinition tool(String name, String scheme) {
    return ToolDefinition.builder(name).http("GET", "/" + name)
        .parameter(ParameterBinding.header("pin", "X-Customer-Pin", false))
        .parameter(ParameterBinding.header("cookie", "Cookie", false))
        .parameter(ParameterBinding.header("traceTag", "X-Trace-Tag", false))
        .security(scheme)
        .build();
  }

  @Test
  void noCredentialOfAnySchemeNorASensitiveHeaderArgumentReachesTheFile() throws Exception {
    List<ToolDefinition> tools = List.of(tool("headerKey", "header_key"), tool("queryKey", "query_key"),
        tool("cookieKey", "cookie_key"), tool("bearer", "bearer"), tool("basic", "basic"), tool("oauth", "oauth"),
        tool("oidc", "oidc"));
    ServerDefinition.Builder builder = ServerDefinition.builder("vault")
        .securityScheme(SecurityScheme.apiKey("header_key", ParameterLocation.HEADER, "X-Vault-Key"))
        .securityScheme(SecurityScheme.apiKey("query_key", ParameterLocation.QUERY, "key"))
        .securityScheme(SecurityScheme.apiKey("cookie_key", ParameterLocation.COOKIE, "vault_session"))
        .securityScheme(SecurityScheme.bearer("bearer"))
        .securityScheme(SecurityScheme.basic("basic"))
        .securityScheme(SecurityScheme.oauth2("oauth"))
        .securityScheme(SecurityScheme.openIdConnect("oidc"));
    tools.forEach(builder::tool);
    ServerDefinition definition = builder.build();
    Path file = temp.resolve("audit.jsonl");
    AuditSink sink = AuditSink.file(file);
    RestToolExecutor executor = harness.executor(definition, Map.of(
            "VAULT_HEADER_KEY", HEADER_KEY, "VAULT_QUERY_KEY", QUERY_KEY, "VAULT_COOKIE_KEY", COOKIE_KEY,
            "VAULT_BEARER_TOKEN", BEARER, "VAULT_OAUTH_TOKEN", OAUTH, "VAULT_OIDC_TOKEN", OIDC,
            "VAULT_BASIC_USERNAME", USER, "VAULT_BASIC_PASSWORD", PASSWORD),
        harness.options().withAuditSink(sink).withRedactedHeaders(Set.of("x-customer-PIN")));

    List<RecordedRequest> requests = new ArrayList<>();
    for (ToolDefinition tool : tools) {
      harness.enqueue(200, "{}");
      ToolResult result = executor.execute(tool, Harness.args("{\"pin\": \"" + PIN + "\", \"cookie\": \"sid="
          + SESSION_COOKIE + "\", \"traceTag\": \"visible-tag\"}"), Harness.CONTEXT);
      assertThat(result.isError()).as(Harness.text(result)).isFalse();
      requests.add(harness.take());
    }
    executor.close();

    // The credentials did go out, so their absence from the file means something.
    assertThat(requests.get(0).getHeaders().get("X-Vault-Key")).isEqualTo(HEADER_KEY);
    assertThat(requests.get(1).getUrl().queryParameter("key")).isEqualTo(QUERY_KEY);
    assertThat(requests.get(2).getHeaders().get("Cookie")).contains("vault_session=" + COOKIE_KEY);
    assertThat(requests.get(3).getHeaders().get("Authorization")).isEqualTo("Bearer " + BEARER);
    assertThat(requests.get(4).getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    assertThat(requests.get(5).getHeaders().get("Authorization")).isEqualTo("Bearer " + OAUTH);
    assertThat(requests.get(6).getHeaders().get("Authorization")).isEqualTo("Bearer " + OIDC);
    assertThat(requests.get(0).getHeaders().get("X-Customer-Pin")).isEqualTo(PIN);

    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(HEADER_KEY, QUERY_KEY, COOKIE_KEY, BEARER, OAUTH, OIDC, PASSWORD, PIN,
        SESSION_COOKIE, Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(tools.size());
    assertThat(text).endsWith("\n");
    for (int i = 0; i < lines.size(); i++) {
      JsonNode record = Harness.JSON.readTree(lines.get(i));
      assertThat(record.get("tool").asText()).isEqualTo(tools.get(i).name());
      assertThat(record.get("outcome").asText()).isEqualTo("ok");
      assertThat(record.get("arguments").get("pin").asText()).isEqualTo("[redacted]");
      assertThat(record.get("arguments").get("cookie").asText()).isEqualTo("[redacted]");
      assertThat(record.get("arguments").get("traceTag").asText()).isEqualTo("visible-tag");
    }
    assertThat(Harness.JSON.readTree(lines.get(1)).get("url").asText()).endsWith("/queryKey?key=***");
  }

  @Test
  void concurrentCallsWriteOneWholeLineEach() throws Exception {
    ToolDefinition tool = harness.petsAnsweredByDispatcher();
    Path file = temp.resolve("concurrent.jsonl");
    RestToolExecutor executor = harness.executor(Harness.server(tool), Map.of(),
        harness.options().withAuditSink(AuditSink.file(file)));
    int threads = 8;
    int callsPerThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < callsPerThread; i++) {
            String id = thread + "-" + i;
            // A long argument makes a torn or interleaved write visible as unparseable JSON.
            ToolResult result = executor.execute(tool, Harness.args("{\"petId\": \"" + id + "-" + "x".repeat(600)
                + "\"}"), new CallContext("s-" + thread, "caller", id));
            assertThat(result.isError()).as(Harness.text(result)).isFalse();
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    executor.close();

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(threads * callsPerThread);
    Set<String> requestIds = new HashSet<>();
    for (String line : lines) {
      JsonNode record = Harness.JSON.readTree(line);
      String requestId = record.get("requestId").asText();
      assertThat(requestIds.add(requestId)).as("request id %s once", requestId).isTrue();
      assertThat(record.get("arguments").get("petId").asText()).startsWith(requestId + "-");
      assertThat(record.get("session").asText())
          .isEqualTo(SessionDigests.of("s-" + requestId.substring(0, requestId.indexOf('-'))));
    }
  }

  @Test
  void recordsAreAppendedToWhatTheFileHolds() throws Exception {
    Path file = temp.resolve("existing.jsonl");
    Files.writeString(file, "{\"earlier\":true}\n");
    ToolDefinition tool = ToolDefinition.builder("ping").http("GET", "/ping").build();
    harness.enqueue(204, "");
    RestToolExecutor executor = harness.executor(Harness.server(tool), Map.of(),
        harness.options().withAuditSink(AuditSink.file(file)));

    executor.execute(tool, Harness.args("{}"), Harness.CONTEXT);
    executor.close();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("{\"earlier\":true}");
    assertThat(Harness.JSON.readTree(lines.get(1)).get("tool").asText()).isEqualTo("ping");
  }

  @Test
  void aFileThatCannotBeOpenedIsAClearError() {
    Path missing = temp.resolve("no-such-dir").resolve("audit.jsonl");

    assertThatThrownBy(() -> AuditSink.file(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot open the audit log '" + missing + "' for appending: its directory does not exist");
    assertThatThrownBy(() -> AuditSink.file(temp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot open the audit log '" + temp + "' for appending: ");
  }
}
