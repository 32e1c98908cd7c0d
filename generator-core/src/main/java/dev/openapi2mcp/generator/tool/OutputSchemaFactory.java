package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.model.ResponseModel;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import dev.openapi2mcp.generator.schema.SchemaConverter;
import dev.openapi2mcp.generator.schema.SchemaScope;
import dev.openapi2mcp.generator.schema.Schemas;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code outputSchema} of a tool: its success response's JSON schema, converted in the output direction
 * ({@code writeOnly} properties left out), when that schema describes an object.
 *
 * <p>Only objects: MCP requires an outputSchema to be an object schema, because {@code structuredContent} is a
 * JSON object. An API that returns an array, a scalar or something that may be {@code null} (3.0
 * {@code nullable}, a {@code null} type) gets no outputSchema; its result still reaches the model as text. An
 * object is a schema of {@code type: object}, or without a type one with {@code properties},
 * {@code additionalProperties} or {@code patternProperties}, an {@code allOf} with an object part, or a
 * {@code oneOf}/{@code anyOf} of objects only. The root gets {@code type: object} when the spec leaves it implicit;
 * nothing is closed ({@code additionalProperties} stays as the spec says), so that an API adding fields does not
 * drift from its schema.
 *
 * <p>Every {@code oneOf} becomes {@code anyOf}: MCP clients validate {@code structuredContent} against the
 * outputSchema, and real responses often match more than one branch of a {@code oneOf} whose branches overlap
 * (open objects with few required properties), which a strict validator rejects although the response is what
 * the API documents. {@code anyOf} keeps the alternatives and drops only their exclusivity; the runtime's drift
 * check treats both alike.
 */
final class OutputSchemaFactory {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SchemaConverter converter;

  /** @param converter a converter in the {@link dev.openapi2mcp.generator.schema.Direction#OUTPUT} direction */
  OutputSchemaFactory(SchemaConverter converter) {
    this.converter = converter;
  }

  /** The output schema root (with its {@code $defs}), or null when the response is no object. */
  ObjectNode of(ResponseModel response) {
    if (response == null || !isObject(response.schema(), 0)) {
      return null;
    }
    SchemaScope scope = converter.scope();
    JsonNode converted = scope.convert(response.schema(), response.pointer());
    if (!converted.isObject()) {
      return null;
    }
    Schemas.oneOfToAnyOf(converted);
    Map<String, JsonNode> root = new HashMap<>();
    converted.properties().forEach(field -> root.put(field.getKey(), field.getValue()));
    root.putIfAbsent("type", JSON.textNode("object"));
    ObjectNode defs = scope.defs();
    if (!defs.isEmpty()) {
      root.put("$defs", defs);
    }
    return Schemas.ordered(root);
  }

  private boolean isObject(JsonNode schema, int depth) {
    ComponentSchemas components = converter.components();
    JsonNode resolved = components.resolve(schema);
    if (resolved == null || !resolved.isObject() || depth > 32 || resolved.path("nullable").asBoolean(false)) {
      return false;
    }
    JsonNode type = resolved.get("type");
    if (type != null) {
      return (type.isTextual() && type.asText().equals("object"))
          || (type.isArray() && type.size() == 1 && type.get(0).asText().equals("object"));
    }
    if (resolved.has("properties") || resolved.has("additionalProperties") || resolved.has("patternProperties")) {
      return true;
    }
    JsonNode allOf = resolved.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode part : allOf) {
        if (isObject(part, depth + 1)) {
          return true;
        }
      }
    }
    for (String keyword : new String[] {"oneOf", "anyOf"}) {
      JsonNode branches = resolved.get(keyword);
      if (branches != null && branches.isArray() && !branches.isEmpty()) {
        boolean all = true;
        for (JsonNode branch : branches) {
          all &= isObject(branch, depth + 1);
        }
        if (all) {
          return true;
        }
      }
    }
    return false;
  }
}
