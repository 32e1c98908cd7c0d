package dev.openapi2mcp.examples.petstore.demo;

import java.util.Set;

/** The spec's {@code Order}. */
record Order(Long id, Long petId, Integer quantity, String shipDate, String status, Boolean complete) {

  static final Set<String> STATUSES = Set.of("placed", "approved", "delivered");

  /** Checks an order sent by a client and fills the spec's defaults; 400 naming the first problem. */
  Order validated() {
    if (id != null && id < 1) {
      throw ApiException.badRequest("invalid order: 'id' must be >= 1");
    }
    if (petId == null) {
      throw ApiException.badRequest("invalid order: 'petId' is required");
    }
    if (quantity != null && quantity < 1) {
      throw ApiException.badRequest("invalid order: 'quantity' must be >= 1");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest(
          "invalid order: status '" + status + "' is not one of placed, approved, delivered");
    }
    return new Order(
        id,
        petId,
        quantity == null ? 1 : quantity,
        shipDate,
        status == null ? "placed" : status,
        complete != null && complete);
  }

  Order withId(long newId) {
    return new Order(newId, petId, quantity, shipDate, status, complete);
  }
}
