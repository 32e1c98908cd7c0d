package dev.openapi2mcp.examples.petstore.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Maps method + path to a handler. Patterns are literal segments and {@code {name}} variables, one segment each;
 * a literal segment wins over a variable (so {@code /pet/findByStatus} is not {@code /pet/{petId}}).
 */
final class Router {

  /** Handles one matched request. */
  @FunctionalInterface
  interface Handler {
    DemoResponse handle(DemoRequest request);
  }

  /** A route that matched a path, with its variables. */
  record Match(Handler handler, Map<String, String> variables) {}

  private record Route(String method, String[] segments, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler));
    return this;
  }

  /**
   * The route for {@code method} and the raw (encoded) {@code path}.
   *
   * @throws ApiException 404 when no route has this path, 405 when routes have it for other methods only
   */
  Match route(String method, String rawPath) {
    String[] segments = split(rawPath);
    Match best = null;
    int bestLiterals = -1;
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<Map<String, String>> variables = match(route.segments(), segments);
      if (variables.isEmpty()) {
        continue;
      }
      if (!route.method().equals(method)) {
        allowed.add(route.method());
        continue;
      }
      int literals = route.segments().length - variables.get().size();
      if (literals > bestLiterals) {
        best = new Match(route.handler(), variables.get());
        bestLiterals = literals;
      }
    }
    if (best != null) {
      return best;
    }
    if (!allowed.isEmpty()) {
      String allow = String.join(", ", allowed);
      throw new ApiException(405, method + " is not allowed here; allowed: " + allow, Map.of("Allow", allow));
    }
    throw ApiException.notFound("no such endpoint");
  }

  private static Optional<Map<String, String>> match(String[] pattern, String[] path) {
    if (pattern.length != path.length) {
      return Optional.empty();
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (path[i].isEmpty()) {
          return Optional.empty();
        }
        variables.put(p.substring(1, p.length() - 1), DemoRequest.decodePathSegment(path[i]));
      } else if (!p.equals(path[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(variables);
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.split("/", -1);
  }
}
