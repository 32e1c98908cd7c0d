package dev.openapi2mcp.examples.petstore.demo;

import dev.openapi2mcp.examples.petstore.demo.Pet.Category;
import dev.openapi2mcp.examples.petstore.demo.Pet.Tag;
import java.util.List;

/**
 * What the demo API holds at start: pets 1 to 5 with varied statuses and tags, two orders and two users.
 * Tests and the README rely on pets 1 to 5 existing.
 */
final class SeedData {

  private SeedData() {}

  static void seed(PetRepository pets, OrderRepository orders, UserRepository users) {
    Category dogs = new Category(1L, "Dogs");
    Category cats = new Category(2L, "Cats");
    Category birds = new Category(3L, "Birds");
    Tag friendly = new Tag(1L, "friendly");
    Tag puppy = new Tag(2L, "puppy");
    Tag indoor = new Tag(3L, "indoor");
    Tag loud = new Tag(4L, "loud");
    pets.add(pet(dogs, "Rex", List.of(friendly, puppy), "available"));
    pets.add(pet(cats, "Whiskers", List.of(indoor), "pending"));
    pets.add(pet(birds, "Tweety", List.of(loud, indoor), "sold"));
    pets.add(pet(dogs, "Bella", List.of(friendly), "available"));
    pets.add(pet(cats, "Shadow", List.of(), "sold"));

    orders.place(new Order(null, 3L, 1, "2026-01-15T10:00:00Z", "delivered", true));
    orders.place(new Order(null, 2L, 2, "2026-02-01T09:30:00Z", "approved", false));

    users.createAll(List.of(
        new User(null, "alice", "Alice", "Walker", "alice@example.com", "alice-demo-password", "555-0100", 1),
        new User(null, "bob", "Bob", "Stone", "bob@example.com", "bob-demo-password", "555-0101", 1)));
  }

  private static Pet pet(Category category, String name, List<Tag> tags, String status) {
    String photo = "https://example.com/photos/" + name.toLowerCase(java.util.Locale.ROOT) + ".jpg";
    return new Pet(null, category, name, List.of(photo), tags, status);
  }
}
