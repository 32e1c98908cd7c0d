package dev.openapi2mcp.examples.catalog.e2e;

import static dev.openapi2mcp.examples.e2e.ToolResults.assertSucceeded;
import static dev.openapi2mcp.examples.e2e.ToolResults.json;
import static dev.openapi2mcp.examples.e2e.ToolResults.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openapi2mcp.examples.e2e.McpScenarios;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the packaged service catalog (issue 4) must do for a real MCP client, whatever the transport. Subclasses
 * start {@code java -jar service-catalog-mcp-server.jar --demo}, whose three demo APIs each refuse requests without
 * their own credential (401), and connect the official Java SDK client.
 */
abstract class CatalogScenarios extends McpScenarios {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LOG_WAIT = Duration.ofSeconds(10);
  private static final Pattern API_AT = Pattern.compile("demo-api: (\\w+) API at (http://127\\.0\\.0\\.1:\\d+)(\\S*)");

  @Test
  void listsTheToolsOfEveryApiUnderTheirNamespaceAndTheHandWrittenTool() {
    List<String> names = allTools().stream().map(Tool::name).toList();

    assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("[A-Za-z0-9_.-]{1,64}"));
    assertThat(names).contains("inventory_getItem", "inventory_getStockLevels",
        "orders_listOrders", "orders_createOrder", "orders_getOrder", "orders_listOrderLines",
        "users_listUsers", "users_getUser", "users_listTeams", "catalog_findOrdersForUser");
    assertThat(names).allMatch(name -> name.matches("(inventory|orders|users|catalog)_\\w+"));
  }

  /** Issue 4: the names and texts are those of src/main/openapi2mcp/overrides.yaml. */
  @Test
  void showsTheNamesAndTextsOfTheOverridesFile() {
    Map<String, Tool> tools = allTools().stream().collect(Collectors.toMap(Tool::name, tool -> tool));

    assertThat(tools).containsKey("inventory_search").doesNotContainKey("inventory_listItems");
    Tool search = tools.get("inventory_search");
    assertThat(search.description()).isEqualTo("Searches the items stocked in the main warehouse by a part of "
        + "their name. Returns each item's SKU, name and unit; use inventory_getStockLevels for quantities.");
    JsonNode schema = JSON.valueToTree(search.inputSchema());
    assertThat(schema.path("properties").has("warehouseId")).isFalse();
    assertThat(schema.at("/properties/limit/default").asInt()).isEqualTo(20);
    assertThat(schema.at("/properties/limit/description").asText())
        .isEqualTo("How many items to return at most (1 to 100).");
    assertThat(tools.get("orders_listOrderLines").description()).isEqualTo("Returns the lines of one order, each "
        + "with the SKU of the item and the quantity ordered.");
    assertThat(tools.get("users_listTeams").description())
        .isEqualTo("Lists every team of the company with its id and name.");
  }

  @Test
  void eachApiIsReachedAtItsOwnBaseUrlWithItsOwnCredential() throws InterruptedException {
    Map<String, String> ports = new java.util.TreeMap<>();
    Map<String, String> paths = new java.util.TreeMap<>();
    for (String api : List.of("inventory", "orders", "users")) {
      Matcher at = API_AT.matcher(log().awaitLine(Pattern.compile("demo-api: " + api + " API at "), LOG_WAIT));
      assertThat(at.find()).isTrue();
      ports.put(api, at.group(2));
      paths.put(api, at.group(3));
    }
    assertThat(ports.values()).as("three APIs on three ports").doesNotHaveDuplicates();

    int before = log().demoRequests().size();
    // The demo APIs answer 401 to any request without their own credential, so success shows the right one arrived.
    assertSucceeded(call("inventory_getItem", Map.of("itemId", "A-100")));
    assertSucceeded(call("orders_getOrder", Map.of("orderId", 2)));
    assertSucceeded(call("users_listTeams", Map.of()));

    assertThat(log().awaitDemoRequestsAfter(before + 2, LOG_WAIT).size()).isGreaterThanOrEqualTo(1);
    List<String> requests = log().demoRequests().subList(before, before + 3);
    assertThat(requests).containsExactly(
        "demo-api: GET " + paths.get("inventory") + "/items/A-100 -> 200",
        "demo-api: GET " + paths.get("orders") + "/orders/2 -> 200",
        "demo-api: GET " + paths.get("users") + "teams -> 200");
  }

  @Test
  void theHandWrittenToolCombinesUsersAndOrders() throws IOException {
    CallToolResult result = call("catalog_findOrdersForUser", Map.of("userId", 1));

    assertSucceeded(result);
    JsonNode found = json(result);
    assertThat(found.get("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(found.get("teamId").asInt()).isEqualTo(10);
    List<Integer> orderIds = new ArrayList<>();
    found.get("orders").forEach(order -> orderIds.add(order.get("id").asInt()));
    assertThat(orderIds).containsExactlyInAnyOrder(1, 3);
  }

  @Test
  void theHooksHeaderReachesTheOrdersApiOnly() throws InterruptedException {
    assertSucceeded(call("orders_listOrderLines", Map.of("orderId", 3)));
    assertSucceeded(call("users_listUsers", Map.of("teamId", 20)));

    String line = log().awaitLine(Pattern.compile("demo-api: request source of GET \\S*/orders/3/lines: "),
        LOG_WAIT);
    assertThat(line).endsWith(": mcp");
    assertThat(log().lines()).noneMatch(l -> l.matches("demo-api: request source of GET \\S*/users.*"));
  }

  @Test
  void theHookMasksEmailAddressesOfUsers() throws IOException {
    CallToolResult result = call("users_getUser", Map.of("userId", 1));

    assertSucceeded(result);
    assertThat(json(result).get("email").asText()).isEqualTo("a***@example.com");
    assertThat(text(result)).doesNotContain("ada.lovelace@");
    if (result.structuredContent() != null) {
      assertThat(JSON.valueToTree(result.structuredContent()).get("email").asText()).isEqualTo("a***@example.com");
    }
  }

  @Test
  void invalidArgumentsGiveAnErrorAndSendNothing() throws InterruptedException {
    int before = log().demoRequests().size();

    CallToolResult missing = call("orders_createOrder", Map.of("lines", List.of()));
    CallToolResult handWritten = call("catalog_findOrdersForUser", Map.of("userId", "one"));
    assertSucceeded(call("users_listTeams", Map.of()));

    assertThat(missing.isError()).isTrue();
    assertThat(text(missing)).contains("orders_createOrder").contains("userId");
    assertThat(handWritten.isError()).isTrue();
    assertThat(text(handWritten)).contains("catalog_findOrdersForUser").contains("userId");
    List<String> sent = log().awaitDemoRequestsAfter(before, LOG_WAIT);
    assertThat(sent.get(0)).as("the first request after the invalid calls").endsWith("teams -> 200");
  }
}
