package dev.openapi2mcp.examples.petstore.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The users, by username. Thread-safe: every method holds the instance lock, so each is atomic. */
final class UserRepository {

  private final Map<String, User> users = new TreeMap<>();
  private long nextId = 1;

  /**
   * Creates all the users or none: a username that exists already, or appears twice in {@code newUsers},
   * fails the whole call with 409.
   */
  synchronized List<User> createAll(List<User> newUsers) {
    Set<String> seen = new HashSet<>();
    for (User user : newUsers) {
      if (users.containsKey(user.username()) || !seen.add(user.username())) {
        throw new ApiException(409, "user '" + user.username() + "' already exists");
      }
    }
    return newUsers.stream().map(this::store).toList();
  }

  synchronized Optional<User> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  /**
   * Replaces user {@code username} with {@code update}, keeping the id; renames the user when
   * {@code update.username()} differs.
   *
   * @return empty when there is no such user
   * @throws ApiException 409 when renaming onto a username that is taken
   */
  synchronized Optional<User> update(String username, User update) {
    User existing = users.get(username);
    if (existing == null) {
      return Optional.empty();
    }
    if (!update.username().equals(username) && users.containsKey(update.username())) {
      throw new ApiException(409, "user '" + update.username() + "' already exists");
    }
    users.remove(username);
    User stored = update.withId(existing.id());
    users.put(stored.username(), stored);
    return Optional.of(stored);
  }

  synchronized boolean delete(String username) {
    return users.remove(username) != null;
  }

  /** Whether {@code username} exists with exactly this password. */
  synchronized boolean passwordMatches(String username, String password) {
    User user = users.get(username);
    // Constant-time comparison: the demo should not teach timing leaks.
    return user != null
        && user.password() != null
        && MessageDigest.isEqual(
            user.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
  }

  private User store(User user) {
    long id = user.id() != null ? user.id() : nextId;
    nextId = Math.max(nextId, id + 1);
    User stored = user.withId(id);
    users.put(stored.username(), stored);
    return stored;
  }
}
