package dev.openapi2mcp.examples.petstore.demo;

/** The {@code store} operations of the spec: inventory, place, get and delete an order. */
final class StoreRoutes {

  private final PetRepository pets;
  private final OrderRepository orders;

  StoreRoutes(PetRepository pets, OrderRepository orders) {
    this.pets = pets;
    this.orders = orders;
  }

  void register(Router router, String basePath) {
    router
        .add("GET", basePath + "/store/inventory", request -> DemoResponse.ok(pets.countByStatus()))
        .add("POST", basePath + "/store/order", this::placeOrder)
        .add("GET", basePath + "/store/order/{orderId}", this::getOrder)
        .add("DELETE", basePath + "/store/order/{orderId}", this::deleteOrder);
  }

  private DemoResponse placeOrder(DemoRequest request) {
    Order order = Json.bind(request.jsonBody(), Order.class, "order").validated();
    if (pets.find(order.petId()).isEmpty()) {
      throw ApiException.badRequest("Invalid Order: there is no pet " + order.petId());
    }
    return DemoResponse.ok(orders.place(order));
  }

  private DemoResponse getOrder(DemoRequest request) {
    long id = request.pathId("orderId", 1);
    return DemoResponse.ok(orders.find(id).orElseThrow(() -> notFound(id)));
  }

  private DemoResponse deleteOrder(DemoRequest request) {
    long id = request.pathId("orderId", 1);
    if (!orders.delete(id)) {
      throw notFound(id);
    }
    return DemoResponse.ok(ApiMessage.ok("deleted order " + id));
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("Order not found: " + id);
  }
}
