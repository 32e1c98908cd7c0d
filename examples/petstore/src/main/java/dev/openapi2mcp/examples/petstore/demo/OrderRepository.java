package dev.openapi2mcp.examples.petstore.demo;

import java.util.Optional;
import java.util.TreeMap;

/** The store's orders, by id. Thread-safe: every method holds the instance lock. */
final class OrderRepository {

  private final TreeMap<Long, Order> orders = new TreeMap<>();
  private long nextId = 1;

  /**
   * Stores an order: under its own id when it has one that is free, else under the next free id.
   *
   * @throws ApiException 409 when the order's id is taken
   */
  synchronized Order place(Order order) {
    Order stored = order.id() == null ? order.withId(nextId) : order;
    if (orders.containsKey(stored.id())) {
      throw new ApiException(409, "order " + stored.id() + " already exists");
    }
    orders.put(stored.id(), stored);
    nextId = Math.max(nextId, stored.id() + 1);
    return stored;
  }

  synchronized Optional<Order> find(long id) {
    return Optional.ofNullable(orders.get(id));
  }

  synchronized boolean delete(long id) {
    return orders.remove(id) != null;
  }
}
