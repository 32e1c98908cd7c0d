package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.tool.ApiDefinition;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A service catalog of two APIs (issue 4), each behind its own MockWebServer: {@code inventory} with an API key in
 * the header {@code X-Api-Key}, {@code orders} with a bearer token. Both declare a scheme named alike
 * ({@code shared}, an API key in {@code X-Shared-Key}) so that tests can see each API read its own variable.
 */
final class CatalogFixture implements AutoCloseable {
  static final CallContext CONTEXT = new CallContext("session-1", "test-caller", "req-1");

  static final ToolDefinition GET_ITEM = ToolDefinition.builder("inventory_getItem")
      .inputSchema("{\"type\":\"object\",\"properties\":{\"itemId\":{\"type\":\"string\"}},"
          + "\"required\":[\"itemId\"],\"additionalProperties\":false}")
      .http("GET", "/items/{itemId}").parameter(ParameterBinding.path("itemId", "itemId"))
      .security("api_key").security("shared")
      .api("inventory").build();

  static final ToolDefinition GET_ORDER = ToolDefinition.builder("orders_getOrder")
      .inputSchema("{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"integer\"}},"
          + "\"required\":[\"orderId\"],\"additionalProperties\":false}")
      .http("GET", "/orders/{orderId}").parameter(ParameterBinding.path("orderId", "orderId"))
      .security("bearer").security("shared")
      .api("orders").build();

  static final Map<String, String> ENVIRONMENT = Map.of(
      "CATALOG_INVENTORY_API_KEY", "inventory-key-1234",
      "CATALOG_ORDERS_BEARER_TOKEN", "orders-token-5678");

  final MockWebServer inventory = started();
  final MockWebServer orders = started();
  final List<String> audit = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  static ServerDefinition definition(ToolDefinition... more) {
    return ServerDefinition.builder("catalog").version("1.0.0")
        .api(ApiDefinition.builder("inventory").title("Inventory").baseUrl("http://inventory.invalid/v1")
                .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "X-Api-Key"))
                .securityScheme(SecurityScheme.apiKey("shared", ParameterLocation.HEADER, "X-Shared-Key"))
                .build(),
            ApiDefinition.builder("orders").title("Orders").baseUrl("http://orders.invalid/v1")
                .securityScheme(SecurityScheme.bearer("bearer"))
                .securityScheme(SecurityScheme.apiKey("shared", ParameterLocation.HEADER, "X-Shared-Key"))
                .build())
        .tool(GET_ITEM).tool(GET_ORDER).tools(List.of(more))
        .build();
  }

  ExecutorOptions options() {
    return ExecutorOptions.defaults()
        .withAuditSink(audit::add)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  /** Base URLs of both mock servers, as {@code --base-url NAME=URL} gives them. */
  Map<String, String> baseUrls() {
    return Map.of("inventory", inventory.url("/inventory/v1").toString(),
        "orders", orders.url("/orders/v1").toString());
  }

  ToolDispatcher dispatcher(ServerDefinition definition, Map<String, String> environment) {
    ToolDispatcher dispatcher = ToolDispatcher.create(definition, null, baseUrls(), environment, options());
    closeables.add(dispatcher);
    return dispatcher;
  }

  static void enqueueJson(MockWebServer server, String body) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(body).build());
  }

  static RecordedRequest take(MockWebServer server) {
    try {
      return server.takeRequest(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static MockWebServer started() {
    MockWebServer server = new MockWebServer();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    inventory.close();
    orders.close();
  }
}
