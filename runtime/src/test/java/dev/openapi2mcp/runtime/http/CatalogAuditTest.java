package dev.openapi2mcp.runtime.http;

import static dev.openapi2mcp.runtime.http.CatalogFixture.ENVIRONMENT;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ITEM;
import static dev.openapi2mcp.runtime.http.CatalogFixture.GET_ORDER;
import static dev.openapi2mcp.runtime.http.CatalogFixture.definition;
import static dev.openapi2mcp.runtime.http.CatalogFixture.enqueueJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 5: the audit record of a service catalog's tool names its API, over real HTTP to each API. */
class CatalogAuditTest {
  private final CatalogFixture fixture = new CatalogFixture();

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void eachRecordNamesTheApiOfItsTool() throws Exception {
    ToolDispatcher dispatcher = fixture.dispatcher(definition(), ENVIRONMENT);
    enqueueJson(fixture.inventory, "{}");
    enqueueJson(fixture.orders, "{}");

    dispatcher.execute(GET_ITEM, Harness.args("{\"itemId\":\"A-1\"}"), Harness.CONTEXT);
    dispatcher.execute(GET_ORDER, Harness.args("{\"orderId\":7}"), Harness.CONTEXT);

    assertThat(fixture.audit).hasSize(2);
    assertThat(Harness.JSON.readTree(fixture.audit.get(0)).get("api").asText()).isEqualTo("inventory");
    assertThat(Harness.JSON.readTree(fixture.audit.get(1)).get("api").asText()).isEqualTo("orders");
  }
}
