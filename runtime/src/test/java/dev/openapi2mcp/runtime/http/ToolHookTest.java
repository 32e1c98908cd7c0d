package dev.openapi2mcp.runtime.http;

import static dev.openapi2mcp.runtime.http.CatalogFixture.CONTEXT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.ENVIRONMENT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ITEM;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ORDER;
import static dev.openapi2mcp.runtime.http.CatalogFixture.definition;
import static dev.openapi2mcp.runtime.http.CatalogFixture.enqueueJson;
import static dev.openapi2mcp.runtime.http.CatalogFixture.take;
import static dev.openapi2mcp.runtime.http.Harness.JSON;
import static dev.openapi2mcp.runtime.http.Harness.args;
import static dev.openapi2mcp.runtime.http.Harness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolCall;
import dev.openapi2mcp.runtime.tool.ToolException;
import dev.openapi2mcp.runtime.tool.ToolHook;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 4: plain-Java hooks around a generated tool. */
class ToolHookTest {
  private final CatalogFixture fixture = new CatalogFixture();

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void headersAddedBeforeTheCallReachTheApi() {
    ServerDefinition definition = definition().withHook("orders_getOrder", new ToolHook() {
      @Override
      public ToolCall before(ToolCall call) {
        return call.withHeader("X-Request-Source", "mcp");
      }
    });
    enqueueJson(fixture.orders, "{\"id\":7}");

    ToolResult result = fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ORDER, args("{\"orderId\":7}"),
        CONTEXT);

    assertThat(result.isError()).as(text(result)).isFalse();
    RecordedRequest request = take(fixture.orders);
    assertThat(request.getHeaders().get("X-Request-Source")).isEqualTo("mcp");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer orders-token-5678");
  }

  @Test
  void beforeMayChangeTheArguments() {
    ServerDefinition definition = definition().withHook("inventory_getItem", new ToolHook() {
      @Override
      public ToolCall before(ToolCall call) {
        call.arguments().put("itemId", call.arguments().get("itemId").asText().toUpperCase(java.util.Locale.ROOT));
        return call;
      }
    });
    enqueueJson(fixture.inventory, "{}");

    fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ITEM, args("{\"itemId\":\"a-1\"}"), CONTEXT);

    assertThat(take(fixture.inventory).getUrl().encodedPath()).isEqualTo("/inventory/v1/items/A-1");
  }

  @Test
  void argumentsChangedByAHookAreValidatedToo() {
    ServerDefinition definition = definition().withHook("inventory_getItem", new ToolHook() {
      @Override
      public ToolCall before(ToolCall call) {
        return call.withArguments(JSON.createObjectNode().put("itemId", 5));
      }
    });

    ToolResult result = fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ITEM, args("{\"itemId\":\"a\"}"),
        CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("itemId");
    assertThat(fixture.inventory.getRequestCount()).isZero();
  }

  @Test
  void afterPostProcessesTheResult() throws IOException {
    ServerDefinition definition = definition().withHook("orders_getOrder", new ToolHook() {
      @Override
      public ToolResult after(ToolCall call, ToolResult result) throws IOException {
        JsonNode order = JSON.readTree(text(result));
        return ToolResult.text("Order " + order.get("id").asInt() + " is " + order.get("status").asText());
      }
    });
    enqueueJson(fixture.orders, "{\"id\":7,\"status\":\"shipped\"}");

    ToolResult result = fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ORDER, args("{\"orderId\":7}"),
        CONTEXT);

    assertThat(text(result)).isEqualTo("Order 7 is shipped");
  }

  @Test
  void anExceptionBeforeTheCallSendsNothingAndNamesTheTool() throws IOException {
    ServerDefinition definition = definition().withHook("orders_getOrder", new ToolHook() {
      @Override
      public ToolCall before(ToolCall call) throws ToolException {
        throw new ToolException("orders are frozen");
      }
    });

    ToolResult result = fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ORDER, args("{\"orderId\":7}"),
        CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("The hook of tool 'orders_getOrder' failed before the call (nothing was "
        + "sent): orders are frozen");
    assertThat(fixture.orders.getRequestCount()).isZero();
    assertThat(fixture.audit).hasSize(1);
    assertThat(JSON.readTree(fixture.audit.get(0)).get("outcome").asText())
        .isEqualTo("handler_error");
  }

  @Test
  void anExceptionAfterTheCallBecomesAnErrorResult() {
    ServerDefinition definition = definition().withHook("orders_getOrder", new ToolHook() {
      @Override
      public ToolResult after(ToolCall call, ToolResult result) {
        throw new IllegalStateException("cannot mask");
      }
    });
    enqueueJson(fixture.orders, "{\"id\":7}");

    ToolResult result = fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ORDER, args("{\"orderId\":7}"),
        CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("The hook of tool 'orders_getOrder' failed after the call: error reference ")
        .doesNotContain("cannot mask");
  }

  @Test
  void aHookCannotReplaceTheConfiguredCredential() {
    ServerDefinition definition = definition().withHook("inventory_getItem", new ToolHook() {
      @Override
      public ToolCall before(ToolCall call) {
        return call.withHeader("X-Api-Key", "forged");
      }
    });
    enqueueJson(fixture.inventory, "{}");

    fixture.dispatcher(definition, ENVIRONMENT).execute(GET_ITEM, args("{\"itemId\":\"a\"}"), CONTEXT);

    assertThat(take(fixture.inventory).getHeaders().values("X-Api-Key")).containsExactly("inventory-key-1234");
  }

  @Test
  void aHookOnAnUnknownToolSuggestsTheClosestName() {
    assertThatThrownBy(() -> definition().withHook("orders_getOrdr", new ToolHook() {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'orders_getOrdr'")
        .hasMessageContaining("did you mean 'orders_getOrder'");
  }
}
