package dev.openapi2mcp.examples.petstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.examples.petstore.demo.DemoClient.Reply;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoPetstoreApiStoreTest extends DemoApiTestBase {

  @Test
  void inventoryCountsPetsByStatusAndFollowsChanges() {
    Map<String, Integer> expected = new HashMap<>();
    for (int id = 1; id <= 5; id++) {
      expected.merge(client.get("/pet/" + id).json().get("status").asText(), 1, Integer::sum);
    }
    assertThat(counts(client.get("/store/inventory").json())).isEqualTo(expected);

    client.postJson("/pet", "{\"name\":\"Nemo\",\"photoUrls\":[],\"status\":\"sold\"}");

    expected.merge("sold", 1, Integer::sum);
    assertThat(counts(client.get("/store/inventory").json())).isEqualTo(expected);
  }

  @Test
  void placedOrderCanBeReadAndDeleted() {
    Reply placed = client.postJson("/store/order", "{\"petId\":1,\"quantity\":2}");

    assertThat(placed.status()).isEqualTo(200);
    JsonNode order = placed.json();
    assertThat(order.get("petId").asLong()).isEqualTo(1);
    assertThat(order.get("quantity").asInt()).isEqualTo(2);
    assertThat(order.get("status").asText()).as("the spec's default").isEqualTo("placed");
    assertThat(order.get("complete").asBoolean()).isFalse();
    long id = order.get("id").asLong();
    assertThat(client.get("/store/order/" + id).json()).isEqualTo(order);
    assertThat(client.delete("/store/order/" + id).status()).isEqualTo(200);
    assertThat(client.get("/store/order/" + id).status()).isEqualTo(404);
    assertThat(client.delete("/store/order/" + id).status()).isEqualTo(404);
  }

  @Test
  void seededOrdersExist() {
    assertThat(client.get("/store/order/1").status()).isEqualTo(200);
    assertThat(client.get("/store/order/2").status()).isEqualTo(200);
  }

  @Test
  void invalidOrdersAreRejectedWith400() {
    assertThat(client.postJson("/store/order", "{\"quantity\":1}").json().get("message").asText())
        .isEqualTo("invalid order: 'petId' is required");
    assertThat(client.postJson("/store/order", "{\"petId\":404}").json().get("message").asText())
        .isEqualTo("Invalid Order: there is no pet 404");
    assertThat(client.postJson("/store/order", "{\"petId\":1,\"quantity\":0}").status()).isEqualTo(400);
    assertThat(client.postJson("/store/order", "{\"petId\":1,\"status\":\"lost\"}").status()).isEqualTo(400);
    assertThat(client.postJson("/store/order", "{\"petId\":\"1\"}").status()).as("no coercion").isEqualTo(400);
    assertThat(client.get("/store/order/0").status()).isEqualTo(400);
    assertThat(client.get("/store/order/x").status()).isEqualTo(400);
  }

  @Test
  void orderWithATakenIdIsAConflict() {
    assertThat(client.postJson("/store/order", "{\"id\":1,\"petId\":1}").status()).isEqualTo(409);
  }

  private static Map<String, Integer> counts(JsonNode inventory) {
    Map<String, Integer> counts = new HashMap<>();
    inventory.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asInt()));
    return counts;
  }
}
