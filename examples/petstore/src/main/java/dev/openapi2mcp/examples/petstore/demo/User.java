package dev.openapi2mcp.examples.petstore.demo;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The spec's {@code User}. The password is accepted but never sent back: even a demo should not echo it.
 */
record User(
    Long id,
    String username,
    String firstName,
    String lastName,
    String email,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
    String phone,
    Integer userStatus) {

  /** Checks a user sent by a client; 400 naming the first problem. */
  User validated() {
    if (username == null || username.isBlank()) {
      throw ApiException.badRequest("invalid user: 'username' is required");
    }
    return this;
  }

  User withId(long newId) {
    return new User(newId, username, firstName, lastName, email, password, phone, userStatus);
  }

  User withUsername(String newUsername) {
    return new User(id, newUsername, firstName, lastName, email, password, phone, userStatus);
  }
}
