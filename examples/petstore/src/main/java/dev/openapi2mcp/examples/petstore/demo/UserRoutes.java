package dev.openapi2mcp.examples.petstore.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The {@code user} operations of the spec: create (one, array, list), login, logout, get, update, delete. */
final class UserRoutes {

  private static final Duration SESSION_LIFETIME = Duration.ofHours(1);

  private final UserRepository users;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  UserRoutes(UserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  void register(Router router, String basePath) {
    router
        .add("POST", basePath + "/user", this::createUser)
        .add("POST", basePath + "/user/createWithArray", this::createUsers)
        .add("POST", basePath + "/user/createWithList", this::createUsers)
        .add("GET", basePath + "/user/login", this::login)
        .add("GET", basePath + "/user/logout", request -> DemoResponse.ok(ApiMessage.ok("logged out")))
        .add("GET", basePath + "/user/{username}", this::getUser)
        .add("PUT", basePath + "/user/{username}", this::updateUser)
        .add("DELETE", basePath + "/user/{username}", this::deleteUser);
  }

  private DemoResponse createUser(DemoRequest request) {
    User user = Json.bind(request.jsonBody(), User.class, "user").validated();
    return DemoResponse.ok(users.createAll(List.of(user)).get(0));
  }

  /** All or nothing: one invalid or duplicate user rejects the whole array. */
  private DemoResponse createUsers(DemoRequest request) {
    JsonNode body = request.jsonBody();
    if (!body.isArray()) {
      throw ApiException.badRequest("a JSON array of users is expected");
    }
    List<User> batch = new ArrayList<>();
    for (JsonNode node : body) {
      batch.add(Json.bind(node, User.class, "user " + batch.size()).validated());
    }
    int created = users.createAll(batch).size();
    return DemoResponse.ok(ApiMessage.ok("created " + created + (created == 1 ? " user" : " users")));
  }

  /** Answers a session token as a JSON string, with the rate-limit and expiry headers the spec describes. */
  private DemoResponse login(DemoRequest request) {
    String username = request.requiredQuery("username");
    String password = request.requiredQuery("password");
    if (!users.passwordMatches(username, password)) {
      throw ApiException.badRequest("Invalid username/password supplied");
    }
    byte[] token = new byte[16];
    random.nextBytes(token);
    return new DemoResponse(
        200,
        "session-" + HexFormat.of().formatHex(token),
        Map.of(
            "X-Rate-Limit", "5000",
            "X-Expires-After", clock.instant().plus(SESSION_LIFETIME).toString()));
  }

  private DemoResponse getUser(DemoRequest request) {
    String username = request.pathVariable("username");
    return DemoResponse.ok(users.find(username).orElseThrow(() -> notFound(username)));
  }

  /** The body's username renames the user; without one the user keeps its name. */
  private DemoResponse updateUser(DemoRequest request) {
    String username = request.pathVariable("username");
    User update = Json.bind(request.jsonBody(), User.class, "user");
    if (update.username() == null) {
      update = update.withUsername(username);
    }
    User checked = update.validated();
    return DemoResponse.ok(users.update(username, checked).orElseThrow(() -> notFound(username)));
  }

  private DemoResponse deleteUser(DemoRequest request) {
    String username = request.pathVariable("username");
    if (!users.delete(username)) {
      throw notFound(username);
    }
    return DemoResponse.ok(ApiMessage.ok("deleted user " + username));
  }

  private static ApiException notFound(String username) {
    return ApiException.notFound("User not found: " + username);
  }
}
