package dev.openapi2mcp.examples.petstore.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the routes see it: decoded path variables and query parameters, the content type and the body.
 *
 * @param pathVariables the values of the route's {@code {name}} segments, percent-decoded
 * @param query every query parameter with all its values, in order, form-decoded
 * @param contentType the media type without parameters, lower case, or "" when absent
 */
record DemoRequest(
    String method, Map<String, String> pathVariables, Map<String, List<String>> query, String contentType, byte[] body) {

  DemoRequest {
    pathVariables = Map.copyOf(pathVariables);
    query = Map.copyOf(query);
  }

  /** A path variable that must be an integer of at least {@code min}; else 400 naming it. */
  long pathId(String name, long min) {
    String raw = pathVariables.get(name);
    try {
      long id = Long.parseLong(raw);
      if (id >= min) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range value
    }
    throw ApiException.badRequest("Invalid " + name + " supplied: '" + raw + "' (an integer >= " + min + " is expected)");
  }

  String pathVariable(String name) {
    return pathVariables.get(name);
  }

  /**
   * All values of a query parameter; both repeated keys ({@code status=a&status=b}) and comma-separated values
   * ({@code status=a,b}) count, as OpenAPI's form style with explode true and false send them.
   */
  List<String> queryValues(String name) {
    List<String> values = new ArrayList<>();
    for (String value : query.getOrDefault(name, List.of())) {
      for (String part : value.split(",", -1)) {
        if (!part.isEmpty()) {
          values.add(part);
        }
      }
    }
    return values;
  }

  /** A query parameter that must be present exactly once and not empty; else 400. */
  String requiredQuery(String name) {
    List<String> values = query.getOrDefault(name, List.of());
    if (values.size() != 1 || values.get(0).isEmpty()) {
      throw ApiException.badRequest("query parameter '" + name + "' is required once");
    }
    return values.get(0);
  }

  JsonNode jsonBody() {
    if (!contentType.isEmpty() && !contentType.equals("application/json") && !contentType.endsWith("+json")) {
      throw new ApiException(415, "expected application/json, got " + contentType);
    }
    return Json.parse(body);
  }

  /** The body as form fields ({@code application/x-www-form-urlencoded}); a field given twice keeps the last. */
  Map<String, String> formBody() {
    return lastValues(parseQuery(new String(body, StandardCharsets.UTF_8)));
  }

  /** Parses a raw (still encoded) query string or form body. */
  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  /** Percent-decodes one path segment: unlike in forms, '+' is a plus sign there. */
  static String decodePathSegment(String raw) {
    return decodeForm(raw.replace("+", "%2B"));
  }

  static String mediaType(String contentTypeHeader) {
    if (contentTypeHeader == null) {
      return "";
    }
    int semicolon = contentTypeHeader.indexOf(';');
    String type = semicolon < 0 ? contentTypeHeader : contentTypeHeader.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static String decodeForm(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed percent-encoding");
    }
  }

  private static Map<String, String> lastValues(Map<String, List<String>> multi) {
    Map<String, String> result = new LinkedHashMap<>();
    multi.forEach((key, values) -> result.put(key, values.get(values.size() - 1)));
    return result;
  }
}
