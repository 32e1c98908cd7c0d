package dev.openapi2mcp.runtime.http;

import static dev.openapi2mcp.runtime.http.CatalogFixture.CONTEXT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.ENVIRONMENT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ITEM;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ORDER;
import static dev.openapi2mcp.runtime.http.CatalogFixture.definition;
import static dev.openapi2mcp.runtime.http.CatalogFixture.enqueueJson;
import static dev.openapi2mcp.runtime.http.CatalogFixture.take;
import static dev.openapi2mcp.runtime.http.Harness.args;
import static dev.openapi2mcp.runtime.http.Harness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 4: each API of a service catalog is called at its own base URL with its own credentials, and only those. */
class CatalogDispatchTest {
  private final CatalogFixture fixture = new CatalogFixture();

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void eachToolReachesItsOwnApiWithItsOwnCredential() {
    ToolDispatcher dispatcher = fixture.dispatcher(definition(), ENVIRONMENT);
    enqueueJson(fixture.inventory, "{\"id\":\"A-1\"}");
    enqueueJson(fixture.orders, "{\"id\":7}");

    ToolResult item = dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), CONTEXT);
    ToolResult order = dispatcher.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

    assertThat(item.isError()).as(text(item)).isFalse();
    assertThat(order.isError()).as(text(order)).isFalse();
    RecordedRequest toInventory = take(fixture.inventory);
    RecordedRequest toOrders = take(fixture.orders);
    assertThat(toInventory.getUrl().encodedPath()).isEqualTo("/inventory/v1/items/A-1");
    assertThat(toInventory.getHeaders().get("X-Api-Key")).isEqualTo("inventory-key-1234");
    assertThat(toOrders.getUrl().encodedPath()).isEqualTo("/orders/v1/orders/7");
    assertThat(toOrders.getHeaders().get("Authorization")).isEqualTo("Bearer orders-token-5678");
    assertThat(fixture.inventory.getRequestCount()).isEqualTo(1);
    assertThat(fixture.orders.getRequestCount()).isEqualTo(1);
  }

  @Test
  void noCredentialOfOneApiIsSentToTheOther() {
    ToolDispatcher dispatcher = fixture.dispatcher(definition(), ENVIRONMENT);
    enqueueJson(fixture.inventory, "{}");
    enqueueJson(fixture.orders, "{}");

    dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), CONTEXT);
    dispatcher.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

    RecordedRequest toInventory = take(fixture.inventory);
    RecordedRequest toOrders = take(fixture.orders);
    assertThat(toInventory.getHeaders().get("Authorization")).isNull();
    assertThat(toInventory.getHeaders().toString()).doesNotContain("orders-token-5678");
    assertThat(toOrders.getHeaders().get("X-Api-Key")).isNull();
    assertThat(toOrders.getHeaders().toString()).doesNotContain("inventory-key-1234");
  }

  @Test
  void schemesOfTheSameNameReadOneVariablePerApi() {
    // Only the shared scheme is configured, with a different key per API.
    Map<String, String> environment = Map.of(
        "CATALOG_INVENTORY_SHARED", "inventory-shared",
        "CATALOG_ORDERS_SHARED", "orders-shared");
    ToolDispatcher dispatcher = fixture.dispatcher(definition(), environment);
    enqueueJson(fixture.inventory, "{}");
    enqueueJson(fixture.orders, "{}");

    dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), CONTEXT);
    dispatcher.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

    assertThat(take(fixture.inventory).getHeaders().get("X-Shared-Key")).isEqualTo("inventory-shared");
    assertThat(take(fixture.orders).getHeaders().get("X-Shared-Key")).isEqualTo("orders-shared");
  }

  @Test
  void aPlainServerVariableIsNotReadByACatalogApi() {
    // The variable a server of one API would read: a catalog must not fall back to it.
    Map<String, String> environment = new HashMap<>(Map.of("CATALOG_API_KEY", "plain-key-0000"));
    ToolDispatcher dispatcher = fixture.dispatcher(definition(), environment);
    enqueueJson(fixture.inventory, "{}");

    dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), CONTEXT);

    RecordedRequest request = take(fixture.inventory);
    assertThat(request.getHeaders().get("X-Api-Key")).isNull();
  }

  @Test
  void anApiWithoutAnOverrideUsesItsOwnDefaultBaseUrl() {
    ToolDispatcher dispatcher = ToolDispatcher.create(definition(), null,
        Map.of("inventory", fixture.baseUrls().get("inventory")), ENVIRONMENT, fixture.options());
    try (dispatcher) {
      ToolResult order = dispatcher.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

      // orders.invalid cannot resolve: the call went to the spec's URL, not to the inventory override.
      assertThat(order.isError()).isTrue();
      assertThat(text(order)).contains("orders.invalid");
      assertThat(fixture.inventory.getRequestCount()).isZero();
    }
  }

  @Test
  void anUnknownApiInTheBaseUrlsIsRefusedWithTheClosestName() {
    assertThatThrownBy(() -> ToolDispatcher.create(definition(), null,
        Map.of("inventroy", "http://127.0.0.1:1/"), ENVIRONMENT, fixture.options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'inventroy'")
        .hasMessageContaining("did you mean 'inventory'");
  }

  @Test
  void helpListsTheVariablesOfEveryApi() {
    assertThat(RestToolExecutor.describeCredentials(definition())).containsExactly(
        "CATALOG_INVENTORY_API_KEY: API key of security scheme 'api_key' of API 'inventory', sent in the header "
            + "'X-Api-Key'",
        "CATALOG_INVENTORY_SHARED: API key of security scheme 'shared' of API 'inventory', sent in the header "
            + "'X-Shared-Key'",
        "CATALOG_ORDERS_BEARER_TOKEN: bearer token of security scheme 'bearer' of API 'orders', sent as "
            + "'Authorization: Bearer <token>'",
        "CATALOG_ORDERS_SHARED: API key of security scheme 'shared' of API 'orders', sent in the header "
            + "'X-Shared-Key'");
  }

  @Test
  void everyCallIsAuditedOnce() {
    ToolDispatcher dispatcher = fixture.dispatcher(definition(), ENVIRONMENT);
    enqueueJson(fixture.inventory, "{}");
    enqueueJson(fixture.orders, "{}");

    dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), CONTEXT);
    dispatcher.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);

    assertThat(fixture.audit).hasSize(2);
    assertThat(String.join("\n", fixture.audit)).doesNotContain("inventory-key-1234", "orders-token-5678");
  }
}
