package dev.openapi2mcp.examples.catalog.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.examples.catalog.demo.DemoApi.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The three demo APIs of the catalog example (issue 4), each on its own port with its own credential: inventory
 * (API key in {@code X-Api-Key}), orders (bearer token), users (basic). {@link #environment()} gives the variables
 * the MCP server reads them from; {@link #baseUrlArguments()} points it at the three ports.
 */
public final class DemoCatalog implements AutoCloseable {
  static final String INVENTORY_KEY = "demo-inventory-key";
  static final String ORDERS_TOKEN = "demo-orders-token";
  static final String USERS_USER = "demo";
  static final String USERS_PASSWORD = "demo-users-password";

  private final DemoApi inventory;
  private final DemoApi orders;
  private final DemoApi users;

  private DemoCatalog(DemoApi inventory, DemoApi orders, DemoApi users) {
    this.inventory = inventory;
    this.orders = orders;
    this.users = users;
  }

  public static DemoCatalog start(PrintStream log) throws IOException {
    DemoApi inventory = inventory(log).start();
    DemoApi orders = orders(log).start();
    DemoApi users = users(log).start();
    return new DemoCatalog(inventory, orders, users);
  }

  /** {@code --base-url NAME=URL} for each API. */
  public List<String> baseUrlArguments() {
    return List.of("--base-url", "inventory=" + inventory.baseUrl(), "--base-url", "orders=" + orders.baseUrl(),
        "--base-url", "users=" + users.baseUrl());
  }

  /** The credential variables of server {@code catalog} for the demo APIs. */
  public static Map<String, String> environment() {
    return Map.of(
        "CATALOG_INVENTORY_API_KEY", INVENTORY_KEY,
        "CATALOG_ORDERS_BEARER_AUTH_TOKEN", ORDERS_TOKEN,
        "CATALOG_USERS_BASIC_AUTH_USERNAME", USERS_USER,
        "CATALOG_USERS_BASIC_AUTH_PASSWORD", USERS_PASSWORD);
  }

  private static DemoApi inventory(PrintStream log) {
    ArrayNode items = array("""
        [{"id":"A-100","name":"Hex bolt M6","unit":"piece"},{"id":"A-200","name":"Washer M6","unit":"box"},
         {"id":"B-300","name":"Cable tie 200 mm","unit":"box"}]""");
    Map<String, JsonNode> stock = Map.of(
        "A-100", array("[{\"warehouseId\":\"main\",\"quantity\":1200},{\"warehouseId\":\"north\",\"quantity\":40}]"),
        "A-200", array("[{\"warehouseId\":\"main\",\"quantity\":300}]"),
        "B-300", array("[]"));
    return new DemoApi("/inventory/v1", header("X-Api-Key", INVENTORY_KEY), log)
        .route("GET", "/items", request -> {
          String q = request.query().getOrDefault("q", "").toLowerCase(Locale.ROOT);
          ArrayNode found = DemoApi.JSON.createArrayNode();
          items.forEach(item -> {
            if (item.get("name").asText().toLowerCase(Locale.ROOT).contains(q)) {
              found.add(item);
            }
          });
          return Response.ok(found);
        })
        .route("GET", "/items/{itemId}", request -> byField(items, "id", request.path().get("itemId")))
        .route("GET", "/items/{itemId}/stock", request -> stock.containsKey(request.path().get("itemId"))
            ? Response.ok(stock.get(request.path().get("itemId")))
            : Response.error(404, "no item " + request.path().get("itemId")));
  }

  private static DemoApi orders(PrintStream log) {
    ArrayNode orders = array("""
        [{"id":1,"userId":1,"status":"shipped","lines":[{"itemId":"A-100","quantity":50}]},
         {"id":2,"userId":2,"status":"open","lines":[{"itemId":"A-200","quantity":2}]},
         {"id":3,"userId":1,"status":"open","lines":[{"itemId":"B-300","quantity":5}]}]""");
    return new DemoApi("/orders/api", header("Authorization", "Bearer " + ORDERS_TOKEN), log)
        .route("GET", "/orders", request -> {
          ArrayNode found = DemoApi.JSON.createArrayNode();
          orders.forEach(order -> {
            String userId = request.query().get("userId");
            if (userId == null || order.get("userId").asText().equals(userId)) {
              found.add(order);
            }
          });
          return Response.ok(found);
        })
        .route("POST", "/orders", request -> {
          ObjectNode order = DemoApi.JSON.createObjectNode().put("id", orders.size() + 1)
              .put("userId", request.body().get("userId").asInt()).put("status", "open");
          order.set("lines", request.body().get("lines"));
          synchronized (orders) {
            orders.add(order);
          }
          return new Response(201, order);
        })
        .route("GET", "/orders/{orderId}", request -> byField(orders, "id", request.path().get("orderId")))
        .route("GET", "/orders/{orderId}/lines", request -> {
          Response order = byField(orders, "id", request.path().get("orderId"));
          return order.status() == 200 ? Response.ok(order.body().get("lines")) : order;
        });
  }

  private static DemoApi users(PrintStream log) {
    ArrayNode users = array("""
        [{"id":1,"name":"Ada Lovelace","email":"ada.lovelace@example.com","teamId":10},
         {"id":2,"name":"Grace Hopper","email":"grace@example.com","teamId":20}]""");
    ArrayNode teams = array("[{\"id\":10,\"name\":\"Platform\"},{\"id\":20,\"name\":\"Payments\"}]");
    String basic = "Basic " + Base64.getEncoder().encodeToString((USERS_USER + ":" + USERS_PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    return new DemoApi("/", header("Authorization", basic), log)
        .route("GET", "users", request -> Response.ok(users))
        .route("GET", "users/{userId}", request -> byField(users, "id", request.path().get("userId")))
        .route("GET", "teams", request -> Response.ok(teams));
  }

  private static Predicate<com.sun.net.httpserver.Headers> header(String name, String expected) {
    return headers -> expected.equals(headers.getFirst(name));
  }

  private static Response byField(ArrayNode values, String field, String wanted) {
    synchronized (values) {
      for (JsonNode value : values) {
        if (value.get(field).asText().equals(wanted)) {
          return Response.ok(value);
        }
      }
    }
    return Response.error(404, "no " + field + " " + wanted);
  }

  private static ArrayNode array(String json) {
    try {
      return (ArrayNode) DemoApi.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    inventory.close();
    orders.close();
    users.close();
  }
}
