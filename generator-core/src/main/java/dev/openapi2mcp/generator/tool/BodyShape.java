package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import dev.openapi2mcp.generator.model.BodyModel;
import dev.openapi2mcp.generator.model.MediaTypes;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import dev.openapi2mcp.generator.schema.SchemaConverter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a request body is flattened into top-level arguments, and which properties it then offers.
 *
 * <p>A body is flattened when it is JSON or form-urlencoded and its schema (after following {@code $ref}s) is a
 * plain object: {@code type} absent or {@code object}, with {@code properties}, without composition
 * ({@code allOf}/{@code oneOf}/{@code anyOf}/{@code not}), without extra properties
 * ({@code additionalProperties} other than false, {@code patternProperties}), and not nullable. Anything else is
 * one argument holding the whole body, since it could not be rebuilt faithfully from named arguments.
 *
 * @param properties for a flattened body: wire name → OpenAPI property schema of the properties the caller
 *     sends, in spec order; null for a whole body
 * @param required wire names of the required properties among them
 * @param propertiesPointer where the properties are in the spec, for diagnostics
 */
record BodyShape(Map<String, JsonNode> properties, List<String> required, String propertiesPointer) {

  static final BodyShape WHOLE = new BodyShape(null, List.of(), null);

  boolean flattened() {
    return properties != null;
  }

  static BodyShape of(BodyModel body, SchemaConverter converter) {
    if (!MediaTypes.isJson(body.mediaType()) && !MediaTypes.isFormUrlEncoded(body.mediaType())) {
      return WHOLE;
    }
    ComponentSchemas components = converter.components();
    JsonNode schema = components.resolve(body.schema());
    if (schema == null || !isPlainObject(schema)) {
      return WHOLE;
    }
    Map<String, JsonNode> visible = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
      if (!converter.isHidden(property.getValue())) {
        visible.put(property.getKey(), property.getValue());
      }
    }
    if (visible.isEmpty()) {
      return WHOLE;
    }
    List<String> required = new ArrayList<>();
    for (JsonNode name : schema.path("required")) {
      if (visible.containsKey(name.asText())) {
        required.add(name.asText());
      }
    }
    String base = body.schema().has("$ref") ? pointerOf(body.schema(), body.pointer()) : body.pointer();
    return new BodyShape(visible, required, JsonPointers.append(base, "properties"));
  }

  private static boolean isPlainObject(JsonNode schema) {
    if (!schema.isObject() || !schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
      return false;
    }
    JsonNode type = schema.get("type");
    boolean objectType = type == null
        || (type.isTextual() && type.asText().equals("object"))
        || (type.isArray() && type.size() == 1 && type.get(0).asText().equals("object"));
    JsonNode additional = schema.get("additionalProperties");
    boolean closed = additional == null || (additional.isBoolean() && !additional.booleanValue());
    return objectType && closed
        && !schema.path("nullable").asBoolean(false)
        && !schema.has("allOf") && !schema.has("oneOf") && !schema.has("anyOf") && !schema.has("not")
        && !schema.has("patternProperties");
  }

  /** Where the component a body's {@code $ref} ends at lives, or the body's own pointer if it is not one. */
  private static String pointerOf(JsonNode reference, String fallback) {
    String name = ComponentSchemas.componentName(reference.path("$ref").asText(null));
    return name == null ? fallback : JsonPointers.append("/components/schemas", name);
  }
}
