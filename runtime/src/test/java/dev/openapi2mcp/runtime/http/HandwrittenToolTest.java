package dev.openapi2mcp.runtime.http;

import static dev.openapi2mcp.runtime.http.CatalogFixture.CONTEXT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.ENVIRONMENT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ORDER;
import static dev.openapi2mcp.runtime.http.CatalogFixture.definition;
import static dev.openapi2mcp.runtime.http.CatalogFixture.enqueueJson;
import static dev.openapi2mcp.runtime.http.CatalogFixture.take;
import static dev.openapi2mcp.runtime.http.Harness.JSON;
import static dev.openapi2mcp.runtime.http.Harness.args;
import static dev.openapi2mcp.runtime.http.Harness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 4: tools backed by plain Java, validated, audited and contained like generated ones. */
class HandwrittenToolTest {
  private static final String GREET_SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
      + "\"password\":{\"type\":\"string\"}},\"required\":[\"name\"],\"additionalProperties\":false}";

  private final CatalogFixture fixture = new CatalogFixture();
  private final AtomicInteger handled = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private ToolDefinition greet() {
    return ToolDefinition.builder("catalog_greet").inputSchema(GREET_SCHEMA)
        .handler((arguments, context) -> {
          handled.incrementAndGet();
          return ToolResult.text("Hello, " + arguments.get("name").asText() + " (" + context.call().caller() + ")");
        })
        .build();
  }

  @Test
  void validArgumentsRunTheHandler() throws IOException {
    ToolDefinition tool = greet();
    ToolDispatcher dispatcher = fixture.dispatcher(definition(tool), ENVIRONMENT);

    ToolResult result = dispatcher.execute(tool, args("{\"name\":\"Ada\",\"password\":\"hunter22\"}"), CONTEXT);

    assertThat(result.isError()).isFalse();
    assertThat(text(result)).isEqualTo("Hello, Ada (test-caller)");
    assertThat(fixture.audit).hasSize(1);
    JsonNode audit = JSON.readTree(fixture.audit.get(0));
    assertThat(audit.get("tool").asText()).isEqualTo("catalog_greet");
    assertThat(audit.get("outcome").asText()).isEqualTo("ok");
    assertThat(audit.at("/arguments/name").asText()).isEqualTo("Ada");
    assertThat(audit.at("/arguments/password").asText()).isEqualTo("[redacted]");
    assertThat(audit.get("url").isNull()).isTrue();
  }

  /**
   * Issue 11: in a generated server, a call the user did not confirm is audited by the executor that owns its tool
   * (the hand-written one, or its API's), and the question shows the arguments redacted as that audit does.
   */
  @Test
  void theOwningExecutorAuditsCallsTheUserDidNotConfirmAndRedactsWhatTheUserIsShown() throws IOException {
    ToolDefinition tool = greet();
    ToolDispatcher dispatcher = fixture.dispatcher(definition(tool), ENVIRONMENT);
    ObjectNode arguments = args("{\"name\":\"Ada\",\"password\":\"pw-SECRET\"}");

    ObjectNode shown = dispatcher.redactedArguments(tool, arguments);
    dispatcher.notConfirmed(tool, arguments, CONTEXT);
    dispatcher.notConfirmed(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

    assertThat(shown.toString()).isEqualTo("{\"name\":\"Ada\",\"password\":\"[redacted]\"}");
    assertThat(fixture.audit).hasSize(2);
    JsonNode handwritten = JSON.readTree(fixture.audit.get(0));
    assertThat(handwritten.get("tool").asText()).isEqualTo("catalog_greet");
    assertThat(handwritten.get("outcome").asText()).isEqualTo("not_confirmed");
    assertThat(handwritten.get("arguments")).isEqualTo(shown);
    JsonNode rest = JSON.readTree(fixture.audit.get(1));
    assertThat(rest.get("api").asText()).isEqualTo("orders");
    assertThat(rest.get("outcome").asText()).isEqualTo("not_confirmed");
    assertThat(rest.get("method").asText()).isEqualTo("GET");
    assertThat(rest.get("url").isNull()).isTrue();
    assertThat(handled).hasValue(0);
    assertThat(fixture.orders.getRequestCount()).isZero();
  }

  @Test
  void invalidArgumentsNeverReachTheHandler() throws IOException {
    ToolDefinition tool = greet();
    ToolDispatcher dispatcher = fixture.dispatcher(definition(tool), ENVIRONMENT);

    ToolResult result = dispatcher.execute(tool, args("{\"nmae\":\"Ada\"}"), CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("Invalid arguments for tool 'catalog_greet'").contains("name").contains("nmae");
    assertThat(handled).hasValue(0);
    JsonNode audit = JSON.readTree(fixture.audit.get(0));
    assertThat(audit.get("outcome").asText()).isEqualTo("invalid_arguments");
  }

  @Test
  void anExceptionBecomesAnErrorResultNamingTheTool() throws IOException {
    ToolDefinition tool = ToolDefinition.builder("catalog_boom").handler((arguments, context) -> {
      throw new IllegalStateException("the ledger is closed");
    }).build();
    ToolDispatcher dispatcher = fixture.dispatcher(definition(tool), ENVIRONMENT);

    ToolResult result = dispatcher.execute(tool, args("{}"), CONTEXT);
    ToolResult again = dispatcher.execute(tool, args("{}"), CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(text(result))
        .matches("Tool 'catalog_boom' failed: error reference [0-9a-f]{8} in the server's log");
    assertThat(again.isError()).as("the dispatcher keeps serving").isTrue();
    JsonNode audit = JSON.readTree(fixture.audit.get(0));
    assertThat(audit.get("outcome").asText()).isEqualTo("handler_error");
  }

  @Test
  void aHandlerCanCallToolsOfSeveralApis() {
    ToolDefinition summary = ToolDefinition.builder("catalog_orderWithItem")
        .inputSchema("{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"integer\"}},"
            + "\"required\":[\"orderId\"]}")
        .handler((arguments, context) -> {
          ObjectNode orderArgs = JSON.createObjectNode().put("orderId", arguments.get("orderId").asInt());
          JsonNode order = JSON.readTree(text(context.callTool("orders_getOrder", orderArgs)));
          ObjectNode itemArgs = JSON.createObjectNode().put("itemId", order.get("itemId").asText());
          JsonNode item = JSON.readTree(text(context.callTool("inventory_getItem", itemArgs)));
          return ToolResult.text("order " + order.get("id").asInt() + ": " + item.get("name").asText());
        })
        .build();
    ToolDispatcher dispatcher = fixture.dispatcher(definition(summary), ENVIRONMENT);
    enqueueJson(fixture.orders, "{\"id\":7,\"itemId\":\"A-1\"}");
    enqueueJson(fixture.inventory, "{\"id\":\"A-1\",\"name\":\"Bolt\"}");

    ToolResult result = dispatcher.execute(summary, args("{\"orderId\":7}"), CONTEXT);

    assertThat(text(result)).isEqualTo("order 7: Bolt");
    assertThat(take(fixture.orders).getHeaders().get("Authorization")).isEqualTo("Bearer orders-token-5678");
    assertThat(take(fixture.inventory).getHeaders().get("X-Api-Key")).isEqualTo("inventory-key-1234");
    assertThat(fixture.audit).as("the inner calls and the tool itself").hasSize(3);
  }

  @Test
  void callingAnUnknownToolSuggestsTheClosestName() {
    // The handler passes the message on itself: the runtime shows no exception's message to the model.
    ToolDefinition tool = ToolDefinition.builder("catalog_typo").handler((arguments, context) -> {
      try {
        return context.callTool("orders_getOrdr", JSON.createObjectNode());
      } catch (IllegalArgumentException e) {
        return ToolResult.error(e.getMessage());
      }
    }).build();
    ToolDispatcher dispatcher = fixture.dispatcher(definition(tool), ENVIRONMENT);

    ToolResult result = dispatcher.execute(tool, args("{}"), CONTEXT);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("no tool 'orders_getOrdr'").contains("did you mean 'orders_getOrder'");
  }

  @Test
  void aHandlerWorksInAServerOfOneApiWithoutABaseUrl() {
    ToolDefinition tool = greet();
    ToolDispatcher dispatcher = ToolDispatcher.create(Harness.server(tool), null, java.util.Map.of(),
        java.util.Map.of(), fixture.options());
    try (dispatcher) {
      assertThat(text(dispatcher.execute(tool, args("{\"name\":\"Bo\"}"), CONTEXT))).startsWith("Hello, Bo");
    }
  }
}
