package dev.openapi2mcp.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.testing.RestServerMain;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, end to end: a server process started through {@code McpServerMain.run}, driven by the official MCP Java
 * SDK client over stdio, calling a real API (MockWebServer). With the OpenTelemetry API and a registered global SDK
 * the client's trace reaches the API; on a class path without any OpenTelemetry jar the same server runs untraced;
 * either way the audit file holds one redacted record per call.
 */
@Timeout(120)
class TracingProcessTest {
  private static final String KEY = "vault-KEY-0c9f2a71";
  private static final String PIN = "pin-SECRET-5521";
  private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String CLIENT_SPAN = "b7ad6b7169203331";

  @TempDir
  Path temp;

  private final MockWebServer api = new MockWebServer();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    api.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static List<String> command(String classPath, boolean registerSdk, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dtest.otel=" + registerSdk);
    command.add("-cp");
    command.add(classPath);
    command.add(RestServerMain.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static String classPathWithoutOpenTelemetry() {
    List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    List<String> kept = entries.stream().filter(entry -> !entry.contains("opentelemetry")).toList();
    assertThat(entries.size() - kept.size()).as("OpenTelemetry jars removed").isGreaterThanOrEqualTo(3);
    return String.join(File.pathSeparator, kept);
  }

  /** Calls getSecret once through the SDK client with a traceparent in _meta; returns the request the API saw. */
  private RecordedRequest callOnce(List<String> command) throws Exception {
    api.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"ok\":1}").build());
    ServerParameters parameters = ServerParameters.builder(command.get(0))
        .args(command.subList(1, command.size()))
        .addEnvVar(RestServerMain.KEY_VARIABLE, KEY)
        .build();
    McpSyncClient client = McpClient.sync(
            new StdioClientTransport(parameters, new JacksonMcpJsonMapper(new ObjectMapper())))
        .requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30))
        .build();
    try {
      client.initialize();
      McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder().name("getSecret")
          .arguments(Map.of("name", "db", "pin", PIN))
          .meta(Map.of("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01"))
          .build());
      assertThat(result.isError()).as(result.toString()).isFalse();
    } finally {
      client.closeGracefully();
    }
    RecordedRequest request = api.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the API").isNotNull();
    assertThat(request.getHeaders().get("X-Vault-Key")).isEqualTo(KEY);
    assertThat(request.getHeaders().get("X-Customer-Pin")).isEqualTo(PIN);
    return request;
  }

  private JsonNode singleRecord(Path auditLog) throws Exception {
    String text = Files.readString(auditLog, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(KEY, PIN);
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode record = json.readTree(lines.get(0));
    assertThat(record.get("tool").asText()).isEqualTo("getSecret");
    assertThat(record.get("caller").asText()).isEqualTo("stdio");
    assertThat(record.get("arguments").get("pin").asText()).isEqualTo("[redacted]");
    assertThat(record.get("arguments").get("name").asText()).isEqualTo("db");
    assertThat(record.get("outcome").asText()).isEqualTo("ok");
    return record;
  }

  @Test
  void theGlobalOpenTelemetryContinuesTheClientsTraceUpstream() throws Exception {
    Path auditLog = temp.resolve("audit.jsonl");

    RecordedRequest request = callOnce(command(System.getProperty("java.class.path"), true,
        "--base-url", api.url("/v1").toString(), "--audit-log", auditLog.toString(),
        "--redact-header", "X-Customer-Pin"));

    String traceparent = request.getHeaders().get("traceparent");
    assertThat(traceparent).matches("00-" + CLIENT_TRACE + "-[0-9a-f]{16}-0[13]");
    assertThat(traceparent).doesNotContain(CLIENT_SPAN);
    assertThat(singleRecord(auditLog).get("traceId").asText()).isEqualTo(CLIENT_TRACE);
  }

  @Test
  void withoutTheOpenTelemetryJarsTheServerRunsUntraced() throws Exception {
    Path auditLog = temp.resolve("audit.jsonl");

    RecordedRequest request = callOnce(command(classPathWithoutOpenTelemetry(), false,
        "--base-url", api.url("/v1").toString(), "--audit-log", auditLog.toString(),
        "--redact-header", "X-Customer-Pin"));

    assertThat(request.getHeaders().get("traceparent")).isNull();
    assertThat(singleRecord(auditLog).get("traceId").isNull()).isTrue();
  }

  @Test
  void aServerThatCannotOpenItsAuditLogDoesNotStart() throws Exception {
    Path missing = temp.resolve("missing").resolve("audit.jsonl");

    Process process = new ProcessBuilder(command(classPathWithoutOpenTelemetry(), false,
        "--base-url", api.url("/v1").toString(), "--audit-log", missing.toString())).start();
    process.getOutputStream().close();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
        "openapi2mcp: cannot start: cannot open the audit log '" + missing + "' for appending: its directory does "
            + "not exist" + System.lineSeparator());
  }
}
