package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.http.resilience.RetryPolicy;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer standing in for the API, an executor pointed at it (under a base path) and the audit lines the
 * executor wrote. One per test.
 */
final class Harness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final CallContext CONTEXT = new CallContext("session-1", "test-caller", "req-7");

  final MockWebServer server = new MockWebServer();
  final List<String> audit = new CopyOnWriteArrayList<>();
  private final List<RestToolExecutor> executors = new ArrayList<>();

  Harness() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The API base URL the executors use: the mock server under {@code /api/v2}. */
  String baseUrl() {
    return server.url("/api/v2").toString();
  }

  /** Without retries, so that each call is one request; tests of issue 5 turn them on. */
  ExecutorOptions options() {
    ExecutorOptions defaults = ExecutorOptions.defaults();
    return defaults
        .withAuditSink(audit::add)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10))
        .withResilience(defaults.resilience().withRetry(RetryPolicy.defaults().withMaxRetries(0)));
  }

  RestToolExecutor executor(ServerDefinition definition) {
    return executor(definition, Map.of(), options());
  }

  RestToolExecutor executor(ServerDefinition definition, Map<String, String> environment) {
    return executor(definition, environment, options());
  }

  RestToolExecutor executor(ServerDefinition definition, Map<String, String> environment, ExecutorOptions options) {
    RestToolExecutor executor = RestToolExecutor.create(definition, baseUrl(), environment, options);
    executors.add(executor);
    return executor;
  }

  /** Runs one tool of a one-tool server without credentials. */
  ToolResult call(ToolDefinition tool, String argumentsJson) {
    return executor(server(tool)).execute(tool, args(argumentsJson), CONTEXT);
  }

  /**
   * A {@code getPetById} tool, with the API answering {@code pet <petId>} to each request from a dispatcher rather
   * than a queue, so that concurrent calls each get the answer to their own request.
   */
  ToolDefinition petsAnsweredByDispatcher() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().body("pet " + request.getUrl().pathSegments().get(3)).build();
      }
    });
    return ToolDefinition.builder("getPetById").http("GET", "/pet/{petId}")
        .parameter(ParameterBinding.path("petId", "petId")).build();
  }

  static ServerDefinition server(ToolDefinition... tools) {
    ServerDefinition.Builder builder = ServerDefinition.builder("petstore").version("1.0.0");
    for (ToolDefinition tool : tools) {
      builder.tool(tool);
    }
    return builder.build();
  }

  static ObjectNode args(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  void enqueueJson(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build());
  }

  /** Calls {@code tool} against a 200 answer, checks the call succeeded and returns the request the API saw. */
  RecordedRequest send(ToolDefinition tool, String arguments) {
    enqueue(200, "ok");
    ToolResult result = call(tool, arguments);
    assertThat(result.isError()).as(text(result)).isFalse();
    return take();
  }

  RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).as("a request reached the API").isNotNull();
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The one audit record written so far, parsed; fails unless there is exactly one. */
  JsonNode singleAudit() {
    assertThat(audit).hasSize(1);
    String line = audit.get(0);
    assertThat(line).startsWith("{").doesNotContain("\n");
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All text of a result's text blocks, joined by new lines. */
  static String text(ToolResult result) {
    return result.content().stream()
        .filter(Content.Text.class::isInstance)
        .map(c -> ((Content.Text) c).text())
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    executors.forEach(RestToolExecutor::close);
    server.close();
  }
}
