package dev.openapi2mcp.runtime.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.http.resilience.RetryPolicy;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.SdkClients;
import dev.openapi2mcp.runtime.testing.SessionDigests;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import dev.openapi2mcp.runtime.transport.http.HttpTransportOptions;
import dev.openapi2mcp.runtime.transport.http.StreamableHttpTransport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 5: OpenTelemetry spans of tool calls, seen through the official MCP Java SDK client over Streamable HTTP in
 * front of a real API (MockWebServer), with the OpenTelemetry SDK recording into memory: the tool span and its
 * upstream child, their attributes, the {@code traceparent} the API receives, a client's {@code _meta.traceparent}
 * as parent, error status, and one span per retry attempt.
 */
@Timeout(120)
class TracingOverHttpTest {
  private static final String KEY = "query-KEY-6c1d0e";
  private static final ToolDefinition GET_PET = ToolDefinition.builder("getPetById")
      .inputSchema("{\"type\":\"object\",\"properties\":{\"petId\":{\"type\":\"integer\"}},\"required\":[\"petId\"]}")
      .http("GET", "/pet/{petId}")
      .parameter(ParameterBinding.path("petId", "petId"))
      .security("api_key")
      .build();
  private static final ServerDefinition DEFINITION = ServerDefinition.builder("petstore").version("1.0.0")
      .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.QUERY, "api_key"))
      .tool(GET_PET)
      .build();
  private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final MockWebServer api = new MockWebServer();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final List<String> audit = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private SdkTracerProvider tracerProvider;
  private StreamableHttpTransport transport;
  private McpSyncClient client;

  @BeforeEach
  void start() throws Exception {
    api.start();
    tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.closeGracefully();
    }
    if (transport != null) {
      transport.close();
    }
    api.close();
    tracerProvider.close();
  }

  private void serve(int retries) throws Exception {
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    Tracing tracing = OtelTracing.create(sdk);
    ExecutorOptions defaults = ExecutorOptions.defaults();
    ExecutorOptions options = defaults.withAuditSink(audit::add).withTracing(tracing)
        .withResilience(defaults.resilience().withRetry(RetryPolicy.defaults().withMaxRetries(retries)));
    RestToolExecutor rest =
        RestToolExecutor.create(DEFINITION, api.url("/v2").toString(), Map.of("PETSTORE_API_KEY", KEY), options);
    McpServer server = new McpServer(DEFINITION, new TracingExecutor(rest, tracing), McpServerOptions.defaults());
    transport = new StreamableHttpTransport(server, HttpTransportOptions.defaults().withPort(0));
    transport.start();
    client = SdkClients.http(transport.endpoint());
    client.initialize();
  }

  private void answer(int code) {
    api.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body("{\"id\":7}").build());
  }

  private RecordedRequest taken() throws InterruptedException {
    RecordedRequest request = api.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the API").isNotNull();
    return request;
  }

  private SpanData only(SpanKind kind) {
    List<SpanData> ofKind = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == kind).toList();
    assertThat(ofKind).hasSize(1);
    return ofKind.get(0);
  }

  private JsonNode singleAudit() throws Exception {
    assertThat(audit).hasSize(1);
    return json.readTree(audit.get(0));
  }

  @Test
  void aToolCallIsAServerSpanWhoseUpstreamChildCarriesTheTraceToTheApi() throws Exception {
    serve(0);
    answer(200);

    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("getPetById", Map.of("petId", 7)));

    assertThat(result.isError()).isFalse();
    SpanData tool = only(SpanKind.SERVER);
    SpanData upstream = only(SpanKind.CLIENT);
    assertThat(spans.getFinishedSpanItems()).hasSize(2);
    assertThat(tool.getName()).isEqualTo("tools/call getPetById");
    assertThat(tool.getParentSpanContext().isValid()).as("a root span without client trace context").isFalse();
    Map<String, Object> attributes = new java.util.TreeMap<>();
    tool.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
    JsonNode record = singleAudit();
    assertThat(attributes).containsOnly(
        Map.entry("mcp.method.name", "tools/call"),
        Map.entry("gen_ai.operation.name", "execute_tool"),
        Map.entry("gen_ai.tool.name", "getPetById"),
        Map.entry("jsonrpc.request.id", record.get("requestId").asText()),
        Map.entry("mcp.session.id", record.get("session").asText()));
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    assertThat(upstream.getName()).isEqualTo("GET /pet/{petId}");
    assertThat(upstream.getTraceId()).isEqualTo(tool.getTraceId());
    assertThat(upstream.getParentSpanId()).isEqualTo(tool.getSpanId());
    assertThat(upstream.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
    assertThat(upstream.getAttributes().get(URL_FULL))
        .isEqualTo(api.url("/v2/pet/7").toString() + "?api_key=***");
    assertThat(upstream.getAttributes().get(AttributeKey.stringKey("url.template"))).isEqualTo("/pet/{petId}");
    assertThat(upstream.getAttributes().get(AttributeKey.stringKey("server.address"))).isEqualTo(api.getHostName());
    assertThat(upstream.getAttributes().get(AttributeKey.longKey("server.port"))).isEqualTo((long) api.getPort());
    assertThat(upstream.getAttributes().get(STATUS_CODE)).isEqualTo(200L);
    assertThat(upstream.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("traceparent")).isEqualTo("00-" + tool.getTraceId() + "-"
        + upstream.getSpanId() + "-" + upstream.getSpanContext().getTraceFlags().asHex());
    assertThat(request.getUrl().queryParameter("api_key")).isEqualTo(KEY);
    assertThat(record.get("traceId").asText()).isEqualTo(tool.getTraceId());
    assertThat(spans.getFinishedSpanItems().toString()).doesNotContain(KEY);
  }

  /**
   * Issue 11: a span exported to a tracing backend must not carry the session id, which would let whoever reads the
   * traces act in the session; it carries the same digest as the audit record.
   */
  @Test
  void theSpanCarriesADigestOfTheSessionNeverTheSessionId() {
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    String session = "c2Vzc2lvbi1pZC1vZi0yNTYtcmFuZG9tLWJpdHMtYmFzZTY0dXJs";

    OtelTracing.create(sdk).startToolCall("getPetById", new CallContext(session, "127.0.0.1:1", "5"))
        .end(ToolResult.text("{}"));

    SpanData tool = only(SpanKind.SERVER);
    assertThat(tool.getAttributes().get(AttributeKey.stringKey("mcp.session.id")))
        .isEqualTo(SessionDigests.of(session));
    assertThat(spans.getFinishedSpanItems().toString()).doesNotContain(session);
  }

  @Test
  void theTraceparentInTheRequestMetaIsTheParent() throws Exception {
    serve(0);
    answer(200);
    String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String clientSpan = "00f067aa0ba902b7";

    client.callTool(McpSchema.CallToolRequest.builder().name("getPetById").arguments(Map.of("petId", 7))
        .meta(Map.of("traceparent", "00-" + clientTrace + "-" + clientSpan + "-01", "tracestate", "rojo=00f0"))
        .build());

    SpanData tool = only(SpanKind.SERVER);
    SpanData upstream = only(SpanKind.CLIENT);
    assertThat(tool.getTraceId()).isEqualTo(clientTrace);
    assertThat(tool.getParentSpanId()).isEqualTo(clientSpan);
    assertThat(tool.getParentSpanContext().isRemote()).isTrue();
    assertThat(upstream.getTraceId()).isEqualTo(clientTrace);
    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("traceparent")).isEqualTo("00-" + clientTrace + "-" + upstream.getSpanId()
        + "-" + upstream.getSpanContext().getTraceFlags().asHex());
    assertThat(request.getHeaders().get("tracestate")).isEqualTo("rojo=00f0");
    assertThat(singleAudit().get("traceId").asText()).isEqualTo(clientTrace);
  }

  @Test
  void anErrorResultMarksBothSpansAsFailed() throws Exception {
    serve(0);
    answer(404);

    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("getPetById", Map.of("petId", 7)));

    assertThat(result.isError()).isTrue();
    SpanData tool = only(SpanKind.SERVER);
    SpanData upstream = only(SpanKind.CLIENT);
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getAttributes().get(ERROR_TYPE)).isEqualTo("tool_error");
    assertThat(upstream.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(upstream.getAttributes().get(STATUS_CODE)).isEqualTo(404L);
    assertThat(upstream.getAttributes().get(ERROR_TYPE)).isEqualTo("404");
  }

  @Test
  void eachAttemptOfARetriedCallHasItsOwnUpstreamSpan() throws Exception {
    serve(1);
    // Not 503 with Retry-After: 0, which OkHttp itself repeats below the interceptors.
    api.enqueue(new MockResponse.Builder().code(502).build());
    answer(200);

    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("getPetById", Map.of("petId", 7)));

    assertThat(result.isError()).isFalse();
    SpanData tool = only(SpanKind.SERVER);
    List<SpanData> attempts = spans.getFinishedSpanItems().stream()
        .filter(span -> span.getKind() == SpanKind.CLIENT).toList();
    assertThat(api.getRequestCount()).as("requests").isEqualTo(2);
    assertThat(attempts).hasSize(2).allSatisfy(attempt -> {
      assertThat(attempt.getParentSpanId()).isEqualTo(tool.getSpanId());
      assertThat(attempt.getTraceId()).isEqualTo(tool.getTraceId());
    });
    assertThat(attempts).extracting(attempt -> attempt.getAttributes().get(STATUS_CODE)).containsExactly(502L, 200L);
    RecordedRequest first = taken();
    RecordedRequest second = taken();
    assertThat(first.getHeaders().get("traceparent")).contains(attempts.get(0).getSpanId());
    assertThat(second.getHeaders().get("traceparent")).contains(attempts.get(1).getSpanId());
  }
}
