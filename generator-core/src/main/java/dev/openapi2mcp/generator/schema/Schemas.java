package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** Small operations on converted (2020-12) schemas that keep the converter's key order. */
public final class Schemas {
  /** Decimals as written ({@code 10}, not {@code 1E+1}): swagger-parser hands bounds over as BigDecimal. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Schemas() {}

  /**
   * {@code schema} with a {@code description} (replacing its own, when given) and {@code deprecated: true}
   * (when set). A boolean {@code true} schema becomes {@code {}} first; {@code false} becomes {@code {"not": {}}}.
   */
  public static ObjectNode annotate(JsonNode schema, String description, boolean deprecated) {
    Map<String, JsonNode> fields = new HashMap<>();
    if (schema.isObject()) {
      schema.properties().forEach(f -> fields.put(f.getKey(), f.getValue()));
    } else if (schema.isBoolean() && !schema.booleanValue()) {
      fields.put("not", JsonNodeFactory.instance.objectNode());
    }
    if (description != null) {
      fields.put("description", JsonNodeFactory.instance.textNode(description));
    }
    if (deprecated) {
      fields.put("deprecated", JsonNodeFactory.instance.booleanNode(true));
    }
    return Keywords.ordered(fields);
  }

  /** Puts {@code fields} into the converter's key order. */
  public static ObjectNode ordered(Map<String, JsonNode> fields) {
    return Keywords.ordered(fields);
  }

  /** Compact JSON text: no whitespace, keys in tree order. */
  public static String toJson(JsonNode schema) {
    try {
      return MAPPER.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
