package dev.openapi2mcp.runtime.http;

import static dev.openapi2mcp.runtime.http.CatalogFixture.CONTEXT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ITEM;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ORDER;
import static dev.openapi2mcp.runtime.http.CatalogFixture.definition;
import static dev.openapi2mcp.runtime.http.CatalogFixture.enqueueJson;
import static dev.openapi2mcp.runtime.http.CatalogFixture.take;
import static dev.openapi2mcp.runtime.http.Harness.args;
import static dev.openapi2mcp.runtime.http.Harness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.credentials.CredentialsFile;
import dev.openapi2mcp.runtime.tool.CallChannel;
import dev.openapi2mcp.runtime.tool.CallContext;
import dev.openapi2mcp.runtime.tool.InboundHeaders;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 in a service catalog (issue 4): every credential source is read under the API's own scope (server, API,
 * scheme), and the upstream options reach the executor of each API.
 */
class CatalogUpstreamTest {
  private final CatalogFixture fixture = new CatalogFixture();
  @TempDir Path directory;

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  private ToolDispatcher dispatcher(UpstreamOptions upstream) {
    return ToolDispatcher.create(definition(), null, fixture.baseUrls(), fixture.options(), upstream);
  }

  @Test
  void fileKeysAndSystemPropertiesAreReadPerApi() throws Exception {
    Path file = directory.resolve("credentials.yaml");
    // "shared.key" without an API would be ambiguous in a catalog: it belongs to no API and is never sent.
    Files.writeString(file, "inventory:\n  shared:\n    key: inventory-file-key\n"
        + "orders:\n  shared:\n    key: orders-file-key\nshared:\n  key: unscoped-key\n");
    Map<String, String> properties = Map.of("openapi2mcp.catalog.orders.bearer.token", "orders-property-token");
    UpstreamOptions upstream = new UpstreamOptions(
        CredentialSources.of(Map.of(), properties, CredentialsFile.load(file)), null, List.of(), null, null);
    enqueueJson(fixture.inventory, "{}");
    enqueueJson(fixture.orders, "{}");
    try (ToolDispatcher dispatcher = dispatcher(upstream)) {
      ToolResult item = dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), CONTEXT);
      ToolResult order = dispatcher.execute(GET_ORDER, args("{\"orderId\":7}"), CONTEXT);
      assertThat(item.isError()).as(text(item)).isFalse();
      assertThat(order.isError()).as(text(order)).isFalse();
    }
    RecordedRequest toInventory = take(fixture.inventory);
    RecordedRequest toOrders = take(fixture.orders);
    // inventory has no api_key anywhere, so its second alternative (shared) applies, from its own file key.
    assertThat(toInventory.getHeaders().get("X-Shared-Key")).isEqualTo("inventory-file-key");
    assertThat(toInventory.getHeaders().get("Authorization")).isNull();
    assertThat(toOrders.getHeaders().get("Authorization")).isEqualTo("Bearer orders-property-token");
    assertThat(toOrders.getHeaders().get("X-Shared-Key")).isNull();
    assertThat(toInventory.getHeaders().toString() + toOrders.getHeaders())
        .doesNotContain("unscoped-key").doesNotContain("orders-file-key");
  }

  @Test
  void theEnvironmentWinsOverTheFileForTheSameApi() throws Exception {
    Path file = directory.resolve("credentials.properties");
    Files.writeString(file, "inventory.api_key.key=file-key\n");
    UpstreamOptions upstream = new UpstreamOptions(CredentialSources.of(
        Map.of("CATALOG_INVENTORY_API_KEY", "env-key"), Map.of(), CredentialsFile.load(file)), null, List.of(), null,
        null);
    enqueueJson(fixture.inventory, "{}");
    try (ToolDispatcher dispatcher = dispatcher(upstream)) {
      dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), CONTEXT);
    }
    assertThat(take(fixture.inventory).getHeaders().get("X-Api-Key")).isEqualTo("env-key");
  }

  @Test
  void anUnsendableValueNamesTheApisPropertyNotTheValue() {
    UpstreamOptions upstream = new UpstreamOptions(CredentialSources.of(Map.of(),
        Map.of("openapi2mcp.catalog.inventory.api_key.key", "bad\nsecret-value"), null), null, List.of(), null, null);
    assertThatThrownBy(() -> dispatcher(upstream))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system property openapi2mcp.catalog.inventory.api_key.key")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void allowedInboundHeadersReachEveryApiOfTheCatalog() {
    UpstreamOptions upstream = UpstreamOptions.environment(CatalogFixture.ENVIRONMENT)
        .withForwardHeaders(List.of("X-Request-Id"));
    CallContext context = new CallContext("session-1", "test-caller", "req-1", CallChannel.NONE, Map.of(),
        InboundHeaders.of(Map.of("X-Request-Id", List.of("trace-42"), "X-Other", List.of("not-forwarded"))));
    enqueueJson(fixture.inventory, "{}");
    enqueueJson(fixture.orders, "{}");
    try (ToolDispatcher dispatcher = dispatcher(upstream)) {
      dispatcher.execute(GET_ITEM, args("{\"itemId\":\"A-1\"}"), context);
      dispatcher.execute(GET_ORDER, args("{\"orderId\":7}"), context);
    }
    RecordedRequest toInventory = take(fixture.inventory);
    RecordedRequest toOrders = take(fixture.orders);
    assertThat(toInventory.getHeaders().get("X-Request-Id")).isEqualTo("trace-42");
    assertThat(toOrders.getHeaders().get("X-Request-Id")).isEqualTo("trace-42");
    assertThat(toInventory.getHeaders().get("X-Other")).isNull();
    // The configured credential of each API is still the one sent.
    assertThat(toInventory.getHeaders().get("X-Api-Key")).isEqualTo("inventory-key-1234");
    assertThat(toOrders.getHeaders().get("Authorization")).isEqualTo("Bearer orders-token-5678");
  }
}
