package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON Schema keywords the converter knows, and the one order in which it writes them. */
final class Keywords {
  private Keywords() {}

  /** Output order: identity and annotations first, then per-type assertions, then composition, then $defs. */
  static final List<String> ORDER = List.of(
      "$ref", "type", "title", "description", "format", "enum", "const", "default", "examples", "deprecated",
      "readOnly", "writeOnly", "multipleOf", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum",
      "minLength", "maxLength", "pattern", "contentMediaType", "contentEncoding", "contentSchema", "items",
      "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems", "uniqueItems",
      "unevaluatedItems", "properties", "patternProperties", "additionalProperties", "propertyNames",
      "unevaluatedProperties", "required", "dependentRequired", "dependentSchemas", "minProperties",
      "maxProperties", "allOf", "oneOf", "anyOf", "not", "if", "then", "else", "$comment");

  /** Keywords whose value is one schema. */
  static final Set<String> SCHEMA = Set.of("items", "not", "additionalProperties", "contains", "propertyNames",
      "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema");

  /** Keywords whose value is an array of schemas. */
  static final Set<String> SCHEMA_ARRAY = Set.of("allOf", "oneOf", "anyOf", "prefixItems");

  /** Keywords whose value maps names to schemas. */
  static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "dependentSchemas");

  /**
   * OpenAPI-only keywords, dropped without a word: {@code xml} and {@code externalDocs} mean nothing to a tool
   * caller, and {@code discriminator} is left out because its {@code mapping} points into the OpenAPI document,
   * which the tool schema does not carry; {@link Discriminators} expresses it in the branches instead.
   */
  static final Set<String> OPENAPI_ONLY = Set.of("xml", "externalDocs", "discriminator");

  /**
   * Keywords that change how references resolve; the tool schema is a new document, so they are dropped, with a
   * warning.
   */
  static final Set<String> UNSUPPORTED = Set.of("$id", "$schema", "$anchor", "$dynamicAnchor", "$dynamicRef",
      "$defs", "definitions", "$vocabulary");

  /** {@code fields} in {@link #ORDER}, then any other keywords sorted by name: one order for the same input. */
  static ObjectNode ordered(Map<String, JsonNode> fields) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String keyword : ORDER) {
      JsonNode value = fields.get(keyword);
      if (value != null) {
        out.set(keyword, value);
      }
    }
    List<String> others = new ArrayList<>(fields.keySet());
    others.removeAll(ORDER);
    others.removeIf(k -> k.equals("$defs"));
    others.sort(null);
    for (String keyword : others) {
      out.set(keyword, fields.get(keyword));
    }
    if (fields.containsKey("$defs")) {
      out.set("$defs", fields.get("$defs"));
    }
    return out;
  }
}
