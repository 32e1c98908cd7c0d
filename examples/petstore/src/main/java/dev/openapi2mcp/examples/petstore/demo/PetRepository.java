package dev.openapi2mcp.examples.petstore.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The pets, by id. Thread-safe: every method holds the instance lock, so each is atomic. */
final class PetRepository {

  private final TreeMap<Long, Pet> pets = new TreeMap<>();
  private long nextId = 1;

  /** Stores a new pet under the next free id (ids are never reused) and returns it with that id. */
  synchronized Pet add(Pet pet) {
    Pet stored = pet.withId(nextId++);
    pets.put(stored.id(), stored);
    return stored;
  }

  synchronized Optional<Pet> find(long id) {
    return Optional.ofNullable(pets.get(id));
  }

  /** Replaces the pet with the same id; empty when there is none. */
  synchronized Optional<Pet> replace(Pet pet) {
    if (!pets.containsKey(pet.id())) {
      return Optional.empty();
    }
    pets.put(pet.id(), pet);
    return Optional.of(pet);
  }

  /** Replaces the pet {@code id} with {@code change} applied to it, atomically; empty when there is none. */
  synchronized Optional<Pet> update(long id, UnaryOperator<Pet> change) {
    return Optional.ofNullable(pets.computeIfPresent(id, (key, pet) -> change.apply(pet)));
  }

  synchronized boolean delete(long id) {
    return pets.remove(id) != null;
  }

  /** The matching pets in id order. */
  synchronized List<Pet> findAll(Predicate<Pet> filter) {
    return pets.values().stream().filter(filter).toList();
  }

  /** How many pets have each status, keyed by status in alphabetical order. */
  synchronized Map<String, Integer> countByStatus() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Pet pet : pets.values()) {
      if (pet.status() != null) {
        counts.merge(pet.status(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
