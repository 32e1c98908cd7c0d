package dev.openapi2mcp.generator.description;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.model.DocumentedResponse;
import dev.openapi2mcp.generator.model.ResponseModel;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a description says about outcomes: the shape of the success response ({@code returnsType},
 * {@code returnsFields}, {@code returnsDescription}) and the notable errors.
 *
 * <p>Rules, chosen to keep descriptions short (each tool's description is sent to the model on every
 * {@code tools/list}):
 * <ul>
 *   <li>the type is the component's name ({@code Pet}), {@code array of} the item type, {@code one of} the
 *       alternatives, {@code map of} the value type, or the JSON type ({@code string}…); a bare {@code object}
 *       without properties says nothing and is left out;</li>
 *   <li>fields are the top-level property names of an object (or of an array's items, {@code allOf} parts
 *       merged), at most {@value #FIELDS_NAMED}, then how many more there are;</li>
 *   <li>a response description is left out when it only restates success ("successful operation", "OK",
 *       "Response", the status's reason phrase);</li>
 *   <li>notable errors are the documented {@code 4xx} responses (exact codes in order, then {@code 4XX}) whose
 *       description says more than the status's reason phrase or a stock text for it ("404: Pet not found", not
 *       "404: Not Found" or "404: Resource not found"),
 *       each cut to its first sentence of at most {@value #MAX_ERROR_CHARS} characters.</li>
 * </ul>
 */
final class ResponseTexts {
  static final int FIELDS_NAMED = 6;
  static final int MAX_ERROR_CHARS = 120;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern STATUS_4XX = Pattern.compile("4\\d\\d");

  /** Descriptions that say no more than "it worked", lower case, without a final period. */
  private static final Set<String> SUCCESS_BOILERPLATE = Set.of("ok", "success", "successful", "succeeded",
      "successful operation", "successful response", "success response", "successful request", "response",
      "default response", "the request has succeeded", "request succeeded", "operation succeeded", "done",
      "created", "accepted", "no content", "200 response", "201 response", "expected response to a valid request");

  private static final Map<String, String> REASON_PHRASES = Map.ofEntries(
      Map.entry("400", "bad request"), Map.entry("401", "unauthorized"), Map.entry("402", "payment required"),
      Map.entry("403", "forbidden"), Map.entry("404", "not found"), Map.entry("405", "method not allowed"),
      Map.entry("406", "not acceptable"), Map.entry("408", "request timeout"), Map.entry("409", "conflict"),
      Map.entry("410", "gone"), Map.entry("411", "length required"), Map.entry("412", "precondition failed"),
      Map.entry("413", "content too large"), Map.entry("414", "uri too long"),
      Map.entry("415", "unsupported media type"), Map.entry("416", "range not satisfiable"),
      Map.entry("417", "expectation failed"), Map.entry("421", "misdirected request"),
      Map.entry("422", "unprocessable content"), Map.entry("423", "locked"), Map.entry("424", "failed dependency"),
      Map.entry("425", "too early"), Map.entry("426", "upgrade required"),
      Map.entry("428", "precondition required"), Map.entry("429", "too many requests"),
      Map.entry("431", "request header fields too large"), Map.entry("451", "unavailable for legal reasons"));

  /**
   * Error descriptions that say no more than their status beyond its reason phrase: older reason phrases and the
   * stock texts of large specs (GitHub's "Resource not found" on 598 operations, "Requires authentication"…).
   */
  private static final Map<String, Set<String>> GENERIC_ERRORS = Map.of(
      "401", Set.of("requires authentication", "authentication required", "not authenticated", "unauthenticated"),
      "403", Set.of("access denied", "permission denied"),
      "404", Set.of("resource not found", "the resource was not found", "not found error"),
      "413", Set.of("payload too large", "request entity too large"),
      "414", Set.of("request-uri too long"),
      "416", Set.of("requested range not satisfiable"),
      "422", Set.of("unprocessable entity", "validation error", "validation failed"));

  private final ComponentSchemas components;

  ResponseTexts(ComponentSchemas components) {
    this.components = components;
  }

  /** The type of the success response, e.g. {@code Pet} or {@code array of Pet}; empty without one. */
  String type(ResponseModel response) {
    return response == null ? "" : typeOf(response.schema(), 0);
  }

  /** The success response's top-level fields, e.g. {@code id, name, status}; empty when it has none. */
  String fields(ResponseModel response) {
    if (response == null) {
      return "";
    }
    JsonNode schema = resolve(response.schema());
    if (schema != null && "array".equals(schema.path("type").asText()) && schema.has("items")) {
      schema = resolve(schema.get("items"));
    }
    Set<String> names = new LinkedHashSet<>();
    collectProperties(schema, names, 0);
    if (names.isEmpty()) {
      return "";
    }
    List<String> named = new ArrayList<>(names).subList(0, Math.min(FIELDS_NAMED, names.size()));
    return String.join(", ", named) + (names.size() > FIELDS_NAMED ? " and " + (names.size() - FIELDS_NAMED)
        + " more" : "");
  }

  /** The success response's description, unless it only restates success. */
  static String description(ResponseModel response, List<DocumentedResponse> responses) {
    if (response == null) {
      return "";
    }
    for (DocumentedResponse documented : responses) {
      if (documented.status().equals(response.status())) {
        String text = oneLine(documented.description());
        String key = normalized(text);
        return SUCCESS_BOILERPLATE.contains(key) || key.equals(REASON_PHRASES.get(response.status())) ? "" : text;
      }
    }
    return "";
  }

  /** The notable errors, each a map with {@code status} and {@code description}; see the class comment. */
  static List<Map<String, String>> errors(List<DocumentedResponse> responses) {
    List<DocumentedResponse> exact = new ArrayList<>();
    List<DocumentedResponse> ranges = new ArrayList<>();
    for (DocumentedResponse response : responses) {
      if (STATUS_4XX.matcher(response.status()).matches()) {
        exact.add(response);
      } else if (response.status().equalsIgnoreCase("4XX")) {
        ranges.add(response);
      }
    }
    exact.sort((a, b) -> a.status().compareTo(b.status()));
    exact.addAll(ranges);
    List<Map<String, String>> errors = new ArrayList<>();
    for (DocumentedResponse response : exact) {
      String text = firstSentence(oneLine(response.description()));
      String key = normalized(text);
      if (key.isEmpty() || key.equals(REASON_PHRASES.get(response.status())) || key.equals("error")
          || key.equals("client error") || GENERIC_ERRORS.getOrDefault(response.status(), Set.of()).contains(key)) {
        continue;
      }
      Map<String, String> error = new LinkedHashMap<>();
      error.put("status", response.status());
      error.put("description", text);
      errors.add(error);
    }
    return errors;
  }

  private String typeOf(JsonNode schema, int depth) {
    if (schema == null || !schema.isObject() || depth > 3) {
      return "";
    }
    if (schema.has("$ref")) {
      String name = ComponentSchemas.componentName(schema.get("$ref").asText());
      return name != null ? name : typeOf(resolve(schema), depth + 1);
    }
    for (String combiner : List.of("oneOf", "anyOf")) {
      if (schema.path(combiner).isArray() && !schema.path(combiner).isEmpty()) {
        Set<String> alternatives = new LinkedHashSet<>();
        schema.get(combiner).forEach(alternative -> alternatives.add(typeOf(alternative, depth + 1)));
        alternatives.remove("");
        return alternatives.isEmpty() ? "" : alternatives.size() == 1 ? alternatives.iterator().next()
            : "one of " + String.join(", ", alternatives);
      }
    }
    JsonNode allOf = schema.path("allOf");
    if (allOf.isArray() && allOf.size() == 1) {
      return typeOf(allOf.get(0), depth + 1);
    }
    String type = schema.path("type").isTextual() ? schema.get("type").asText()
        : schema.path("type").isArray() && !schema.get("type").isEmpty() ? schema.get("type").get(0).asText()
        : allOf.isArray() || schema.has("properties") ? "object" : "";
    if (type.equals("array")) {
      String items = typeOf(schema.get("items"), depth + 1);
      return items.isEmpty() ? "array" : "array of " + items;
    }
    if (type.equals("object") && !schema.has("properties") && !allOf.isArray()) {
      String values = typeOf(schema.get("additionalProperties"), depth + 1);
      return values.isEmpty() ? "" : "map of " + values;
    }
    return type;
  }

  private void collectProperties(JsonNode schema, Set<String> names, int depth) {
    if (schema == null || depth > 3) {
      return;
    }
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    schema.path("allOf").forEach(part -> collectProperties(resolve(part), names, depth + 1));
  }

  private JsonNode resolve(JsonNode schema) {
    return schema == null ? null : components.resolve(schema);
  }

  private static String oneLine(String text) {
    return WHITESPACE.matcher(text == null ? "" : DescriptionText.plain(text).strip()).replaceAll(" ");
  }

  /** Up to the first sentence end, and at most {@value #MAX_ERROR_CHARS} characters, cut at a word. */
  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    String sentence = end < 0 ? text : text.substring(0, end + 1);
    if (sentence.length() <= MAX_ERROR_CHARS) {
      return sentence;
    }
    int space = sentence.lastIndexOf(' ', MAX_ERROR_CHARS - 1);
    return sentence.substring(0, space > 0 ? space : MAX_ERROR_CHARS - 1) + "…";
  }

  private static String normalized(String text) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
