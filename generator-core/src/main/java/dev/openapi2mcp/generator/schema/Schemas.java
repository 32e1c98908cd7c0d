package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
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

  /**
   * Renames {@code oneOf} to {@code anyOf} in {@code schema} and all its subschemas (in place, keeping the key
   * order); where a schema has both, the former {@code oneOf} joins {@code allOf} as an {@code anyOf} of its own.
   * Only schema positions are visited: values of {@code enum}, {@code const}, {@code default} or {@code examples}
   * are data and stay as they are.
   */
  public static void oneOfToAnyOf(JsonNode schema) {
    if (!schema.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) schema;
    object.properties().forEach(field -> {
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      if (Keywords.SCHEMA.contains(keyword)) {
        oneOfToAnyOf(value);
      } else if (Keywords.SCHEMA_ARRAY.contains(keyword)) {
        value.forEach(Schemas::oneOfToAnyOf);
      } else if (Keywords.SCHEMA_MAP.contains(keyword) || keyword.equals("$defs")) {
        value.forEach(Schemas::oneOfToAnyOf);
      }
    });
    JsonNode oneOf = object.get("oneOf");
    if (oneOf == null) {
      return;
    }
    Map<String, JsonNode> fields = new HashMap<>();
    object.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
    fields.remove("oneOf");
    if (fields.containsKey("anyOf")) {
      ArrayNode allOf = fields.get("allOf") instanceof ArrayNode existing
          ? existing
          : JsonNodeFactory.instance.arrayNode();
      allOf.add(JsonNodeFactory.instance.objectNode().set("anyOf", oneOf));
      fields.put("allOf", allOf);
    } else {
      fields.put("anyOf", oneOf);
    }
    object.removeAll();
    object.setAll(Keywords.ordered(fields));
  }

  /** Puts {@code fields} into the converter's key order. */
  public static ObjectNode ordered(Map<String, JsonNode> fields) {
    return Keywords.ordered(fields);
  }

  /** Compact JSON text: no whitespace, keys in tree order. */
  /** The length in UTF-8 bytes of {@link #toJson}, counted as it is written, without building the text. */
  public static long jsonBytes(JsonNode schema) {
    CountingSink sink = new CountingSink();
    try {
      MAPPER.writeValue(sink, schema);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    return sink.count;
  }

  private static final class CountingSink extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      count += length;
    }
  }

  public static String toJson(JsonNode schema) {
    try {
      return MAPPER.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
