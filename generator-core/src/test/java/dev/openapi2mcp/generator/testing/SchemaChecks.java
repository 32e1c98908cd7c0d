package dev.openapi2mcp.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;

/** Structural checks that a tool input schema is JSON Schema 2020-12 and no longer OpenAPI. */
public final class SchemaChecks {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> OPENAPI_ONLY = Set.of("nullable", "example", "xml", "discriminator",
      "externalDocs");

  private SchemaChecks() {}

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** Parses and checks a tool input schema; returns the tree. */
  public static JsonNode assertValidInputSchema(String json) {
    JsonNode root = parse(json);
    assertThat(root.isObject()).as("input schema is an object: %s", json).isTrue();
    assertThat(root.path("type").asText()).as("input schema type: %s", json).isEqualTo("object");
    assertThat(root.path("properties").isObject()).as("input schema has properties: %s", json).isTrue();
    assertThat(root.path("additionalProperties").isBoolean() && !root.path("additionalProperties").asBoolean())
        .as("input schema is closed: %s", json).isTrue();
    for (JsonNode required : root.path("required")) {
      assertThat(root.path("properties").has(required.asText()))
          .as("required %s is a property: %s", required, json).isTrue();
    }
    check(root, root, "");
    return root;
  }

  /**
   * Parses and checks a tool output schema (an object schema, as MCP requires, but not necessarily closed);
   * returns the tree.
   */
  public static JsonNode assertValidOutputSchema(String json) {
    JsonNode root = parse(json);
    assertThat(root.isObject()).as("output schema is an object: %s", json).isTrue();
    assertThat(root.path("type").asText()).as("output schema type: %s", json).isEqualTo("object");
    check(root, root, "");
    return root;
  }

  private static void check(JsonNode root, JsonNode schema, String at) {
    if (schema.isBoolean()) {
      return;
    }
    assertThat(schema.isObject()).as("schema at %s is an object", at).isTrue();
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      assertThat(OPENAPI_ONLY).as("OpenAPI-only keyword %s at %s", key, at).doesNotContain(key);
      assertThat(key).as("extension at %s", at).doesNotStartWith("x-");
      if (key.equals("exclusiveMinimum") || key.equals("exclusiveMaximum")) {
        assertThat(value.isNumber()).as("%s at %s is a number", key, at).isTrue();
      }
      if (key.equals("$ref")) {
        assertThat(value.asText()).as("$ref at %s", at).startsWith("#/$defs/");
        String name = value.asText().substring("#/$defs/".length());
        assertThat(root.path("$defs").has(name)).as("$ref %s at %s resolves", value, at).isTrue();
      }
      switch (key) {
        case "items", "not", "additionalProperties", "contains", "propertyNames", "if", "then", "else" -> {
          check(root, value, at + "/" + key);
        }
        case "allOf", "oneOf", "anyOf", "prefixItems" -> {
          for (int i = 0; i < value.size(); i++) {
            check(root, value.get(i), at + "/" + key + "/" + i);
          }
        }
        case "properties", "patternProperties", "$defs" -> value.properties()
            .forEach(e -> check(root, e.getValue(), at + "/" + key + "/" + e.getKey()));
        default -> {
          // annotations and assertions on values: nothing nested to check
        }
      }
    }
    if (isArrayType(schema.get("type"))) {
      assertThat(schema.has("items") || schema.has("prefixItems")).as("array at %s has items", at).isTrue();
    }
  }

  /** Whether a schema's {@code type} (a name or a list of names) admits arrays. */
  public static boolean isArrayType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals("array");
    }
    for (JsonNode t : type) {
      if (t.asText().equals("array")) {
        return true;
      }
    }
    return false;
  }
}
