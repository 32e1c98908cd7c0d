package dev.openapi2mcp.generator.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws tool arguments from a tool's inputSchema (JSON Schema 2020-12 as the generator writes it), seeded, so that
 * the same seed gives the same arguments.
 *
 * <p>What it honours: {@code $ref} to {@code #/…} pointers (recursion is cut by depth: past {@link #MAX_DEPTH} only
 * required properties and minimal arrays are produced), {@code allOf} (merged), {@code oneOf}/{@code anyOf} (one
 * branch, merged with its siblings), {@code const}, {@code enum}, {@code examples} and {@code default} (preferred
 * when {@link Options#useExamples}), {@code type} (one name or a union; {@code null} only when nothing else is
 * allowed), string {@code format}s (date, date-time, time, email, uuid, uri/url, hostname, ipv4, ipv6, byte),
 * {@code pattern}, {@code minLength}/{@code maxLength}, number ranges with exclusive bounds and
 * {@code multipleOf}, {@code minItems}/{@code maxItems}/{@code uniqueItems}, {@code prefixItems},
 * {@code required}, {@code minProperties} and {@code additionalProperties}.
 *
 * <p>It does not promise validity (a {@code not}, a lookahead pattern or an example that contradicts its schema can
 * defeat it); {@link SchemaCheck} decides, and the harness retries with other choices.
 */
final class ArgumentSampler {
  static final int MAX_DEPTH = 6;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * @param allOptional whether every optional top-level argument is given (else none is; optional properties
   *     below the top level are given with probability ½ either way)
   * @param useExamples whether {@code examples}/{@code default} are used where present
   */
  record Options(boolean allOptional, boolean useExamples, Set<String> nonEmpty) {
    Options {
      nonEmpty = Set.copyOf(nonEmpty);
    }
  }

  /** What a path parameter needs besides its schema: an empty value cannot fill a path segment. */
  private static final JsonNode NON_EMPTY = NODES.objectNode()
      .put("minLength", 1).put("minItems", 1).put("minProperties", 1);

  private final JsonNode root;
  private final Random random;
  private final Options options;

  ArgumentSampler(JsonNode root, long seed, Options options) {
    this.root = root;
    this.random = new Random(seed);
    this.options = options;
  }

  /** Arguments for the whole inputSchema (an object). */
  ObjectNode sample() {
    JsonNode value = value(root, 0, true);
    if (!value.isObject()) {
      throw new IllegalStateException("the inputSchema is not an object schema");
    }
    return (ObjectNode) value;
  }

  private JsonNode value(JsonNode schema, int depth, boolean topLevel) {
    if (schema == null || schema.isBoolean()) {
      return NODES.textNode("x");
    }
    JsonNode s = effective(schema, 0);
    if (s.has("const")) {
      return s.get("const");
    }
    if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
      return pickNonNull(s.get("enum"));
    }
    if (options.useExamples() && depth > 0) {
      JsonNode examples = s.path("examples");
      if (examples.isArray() && !examples.isEmpty() && !examples.get(0).isNull()) {
        return examples.get(0);
      }
      if (s.has("default") && !s.get("default").isNull()) {
        return s.get("default");
      }
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = s.path(keyword);
      if (branches.isArray() && !branches.isEmpty()) {
        List<JsonNode> usable = new ArrayList<>();
        for (JsonNode branch : branches) {
          if (!isOnlyNull(effective(branch, 0))) {
            usable.add(branch);
          }
        }
        if (usable.isEmpty()) {
          return NODES.nullNode();
        }
        ObjectNode rest = s.deepCopy();
        rest.remove(keyword);
        return value(merge(rest, effective(usable.get(random.nextInt(usable.size())), 0)), depth, topLevel);
      }
    }
    return switch (type(s)) {
      case "object" -> object(s, depth, topLevel);
      case "array" -> array(s, depth);
      case "integer" -> number(s, true);
      case "number" -> number(s, false);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      case "null" -> NODES.nullNode();
      default -> NODES.textNode(string(s));
    };
  }

  private ObjectNode object(JsonNode s, int depth, boolean topLevel) {
    ObjectNode object = NODES.objectNode();
    Set<String> required = new LinkedHashSet<>();
    s.path("required").forEach(name -> required.add(name.asText()));
    JsonNode properties = s.path("properties");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      String name = property.getKey();
      boolean include = required.contains(name)
          || (topLevel ? options.allOptional() : depth < MAX_DEPTH && random.nextBoolean());
      if (include && !isForbidden(property.getValue())) {
        object.set(name, value(propertySchema(property.getValue(), name, topLevel), depth + 1, false));
      }
    }
    int minProperties = s.path("minProperties").asInt(0);
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      if (object.size() >= minProperties) {
        break;
      }
      if (!object.has(property.getKey()) && !isForbidden(property.getValue())) {
        object.set(property.getKey(), value(property.getValue(), depth + 1, false));
      }
    }
    for (String name : required) {
      if (!object.has(name)) {
        object.set(name, value(additionalSchema(s), depth + 1, false));
      }
    }
    JsonNode additional = additionalSchema(s);
    boolean open = !(additional.isBoolean() && !additional.booleanValue());
    boolean map = properties.isEmpty() && s.has("additionalProperties") && open;
    int wanted = Math.max(minProperties, map && depth < MAX_DEPTH && random.nextBoolean() ? 1 : 0);
    for (int i = 1; object.size() < wanted && open && i < 100; i++) {
      object.set("key" + i, value(additional, depth + 1, false));
    }
    return object;
  }

  private JsonNode propertySchema(JsonNode schema, String name, boolean topLevel) {
    if (!topLevel || !options.nonEmpty().contains(name)) {
      return schema;
    }
    return NODES.objectNode().set("allOf", NODES.arrayNode().add(schema).add(NON_EMPTY));
  }

  private JsonNode additionalSchema(JsonNode s) {
    JsonNode additional = s.get("additionalProperties");
    if (additional == null) {
      return NODES.booleanNode(true);
    }
    return additional;
  }

  private ArrayNode array(JsonNode s, int depth) {
    ArrayNode array = NODES.arrayNode();
    int min = s.path("minItems").asInt(0);
    int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 2;
    int count = depth >= MAX_DEPTH ? min : Math.min(max, Math.max(min, 1 + random.nextInt(2)));
    JsonNode prefix = s.path("prefixItems");
    JsonNode items = s.has("items") ? s.get("items") : NODES.objectNode().put("type", "string");
    boolean unique = s.path("uniqueItems").asBoolean(false);
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0, tries = 0; array.size() < count && tries < count * 20; tries++) {
      JsonNode itemSchema = i < prefix.size() ? prefix.get(i) : items;
      JsonNode item = value(itemSchema, depth + 1, false);
      if (unique && !seen.add(item.toString())) {
        continue;
      }
      array.add(item);
      i++;
    }
    return array;
  }

  private JsonNode number(JsonNode s, boolean integer) {
    BigDecimal low = s.has("minimum") ? s.get("minimum").decimalValue() : null;
    BigDecimal high = s.has("maximum") ? s.get("maximum").decimalValue() : null;
    BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.5");
    if (s.path("exclusiveMinimum").isNumber()) {
      BigDecimal exclusive = s.get("exclusiveMinimum").decimalValue().add(step);
      low = low == null || exclusive.compareTo(low) > 0 ? exclusive : low;
    }
    if (s.path("exclusiveMaximum").isNumber()) {
      BigDecimal exclusive = s.get("exclusiveMaximum").decimalValue().subtract(step);
      high = high == null || exclusive.compareTo(high) < 0 ? exclusive : high;
    }
    if (integer) {
      low = low == null ? null : low.setScale(0, RoundingMode.CEILING);
      high = high == null ? null : high.setScale(0, RoundingMode.FLOOR);
    }
    if (low == null) {
      low = high == null ? BigDecimal.ONE : high.subtract(BigDecimal.TEN).max(high.min(BigDecimal.ONE));
    }
    if (high == null || high.compareTo(low.add(BigDecimal.valueOf(100))) > 0) {
      high = low.add(BigDecimal.valueOf(100));
    }
    BigDecimal span = high.subtract(low);
    BigDecimal value = low.add(span.multiply(BigDecimal.valueOf(random.nextInt(1000))).divide(
        BigDecimal.valueOf(1000), integer ? 0 : 2, RoundingMode.DOWN));
    if (s.path("multipleOf").isNumber()) {
      BigDecimal multiple = s.get("multipleOf").decimalValue();
      BigDecimal rounded = value.divide(multiple, 0, RoundingMode.CEILING).multiply(multiple);
      value = rounded.compareTo(high) > 0 ? value.divide(multiple, 0, RoundingMode.FLOOR).multiply(multiple)
          : rounded;
    }
    if (integer) {
      return NODES.numberNode(value.toBigInteger());
    }
    return NODES.numberNode(value.stripTrailingZeros());
  }

  private String string(JsonNode s) {
    int min = s.path("minLength").asInt(0);
    int max = s.has("maxLength") ? s.get("maxLength").asInt() : Integer.MAX_VALUE;
    String encoding = s.path("contentEncoding").asText("");
    if (encoding.equals("base64") || encoding.equals("base64url")) {
      byte[] bytes = new byte[3 + random.nextInt(30)];
      random.nextBytes(bytes);
      return encoding.equals("base64") ? java.util.Base64.getEncoder().encodeToString(bytes)
          : java.util.Base64.getUrlEncoder().encodeToString(bytes);
    }
    String format = s.path("format").asText("");
    String formatted = formatted(format);
    if (formatted != null && formatted.length() >= min && formatted.length() <= max) {
      return formatted;
    }
    if (s.path("pattern").isTextual()) {
      String pattern = s.get("pattern").asText();
      for (int attempt = 0; attempt < 20; attempt++) {
        try {
          String sample = RegexSampler.sample(pattern, random, attempt < 10 ? 3 : Math.max(min, 3));
          if (sample.length() >= min && sample.length() <= max) {
            return sample;
          }
        } catch (RuntimeException e) {
          break;
        }
      }
    }
    StringBuilder text = new StringBuilder("sample");
    text.append((char) ('a' + random.nextInt(26)));
    while (text.length() < min) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.length() > max ? text.substring(0, Math.max(max, 0)) : text.toString();
  }

  private String formatted(String format) {
    return switch (format) {
      case "date" -> "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
      case "date-time" -> "2024-05-1" + random.nextInt(10) + "T10:20:3" + random.nextInt(10) + "Z";
      case "time" -> "10:20:3" + random.nextInt(10) + "Z";
      case "email", "idn-email" -> "user" + random.nextInt(100) + "@example.com";
      case "uuid" -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
      case "uri", "url", "iri", "uri-reference", "iri-reference" -> "https://example.com/item/" + random.nextInt(100);
      case "hostname", "idn-hostname" -> "host" + random.nextInt(100) + ".example.com";
      case "ipv4" -> "192.0.2." + (1 + random.nextInt(250));
      case "ipv6" -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(250));
      case "byte" -> "c2FtcGxl";
      case "int32", "int64" -> Integer.toString(random.nextInt(1000));
      default -> null;
    };
  }

  /** The type to produce: the declared one (a non-null member of a union), else what the keywords suggest. */
  private String type(JsonNode s) {
    JsonNode type = s.get("type");
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    if (type != null && type.isArray()) {
      List<String> nonNull = new ArrayList<>();
      type.forEach(t -> {
        if (!t.asText().equals("null")) {
          nonNull.add(t.asText());
        }
      });
      return nonNull.isEmpty() ? "null" : nonNull.get(random.nextInt(nonNull.size()));
    }
    if (s.has("properties") || s.has("additionalProperties") || s.has("required")) {
      return "object";
    }
    if (s.has("items") || s.has("prefixItems") || s.has("minItems")) {
      return "array";
    }
    if (s.has("minimum") || s.has("maximum") || s.has("multipleOf")) {
      return "number";
    }
    return "string";
  }

  /** The schema with {@code $ref} followed (its siblings kept) and {@code allOf} merged in, recursively. */
  private JsonNode effective(JsonNode schema, int guard) {
    if (!schema.isObject() || guard > 50) {
      return schema.isObject() ? schema : NODES.objectNode();
    }
    JsonNode result = schema;
    if (schema.has("$ref")) {
      ObjectNode siblings = schema.deepCopy();
      siblings.remove("$ref");
      JsonNode target = effective(resolve(schema.get("$ref").asText()), guard + 1);
      result = siblings.isEmpty() ? target : merge(target, effective(siblings, guard + 1));
    }
    if (result.has("allOf")) {
      ObjectNode merged = result.deepCopy();
      merged.remove("allOf");
      JsonNode combined = merged;
      for (JsonNode part : result.get("allOf")) {
        combined = merge(combined, effective(part, guard + 1));
      }
      result = combined;
    }
    return result;
  }

  /** Both schemas at once: properties and required united, types intersected, bounds tightened. */
  private JsonNode merge(JsonNode a, JsonNode b) {
    if (!a.isObject()) {
      return b;
    }
    if (!b.isObject()) {
      return a;
    }
    ObjectNode out = a.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = b.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      JsonNode existing = out.get(key);
      if (existing == null) {
        out.set(key, value);
        continue;
      }
      switch (key) {
        case "properties" -> {
          ObjectNode properties = existing.deepCopy();
          for (Map.Entry<String, JsonNode> property : value.properties()) {
            JsonNode mine = properties.get(property.getKey());
            properties.set(property.getKey(), mine == null ? property.getValue()
                : NODES.objectNode().set("allOf", NODES.arrayNode().add(mine).add(property.getValue())));
          }
          out.set("properties", properties);
        }
        case "required" -> {
          Set<String> names = new LinkedHashSet<>();
          existing.forEach(n -> names.add(n.asText()));
          value.forEach(n -> names.add(n.asText()));
          ArrayNode required = NODES.arrayNode();
          names.forEach(required::add);
          out.set("required", required);
        }
        case "type" -> out.set("type", intersectTypes(existing, value));
        case "minimum", "minLength", "minItems", "exclusiveMinimum", "minProperties" ->
            out.set(key, existing.decimalValue().compareTo(value.decimalValue()) >= 0 ? existing : value);
        case "maximum", "maxLength", "maxItems", "exclusiveMaximum", "maxProperties" ->
            out.set(key, existing.decimalValue().compareTo(value.decimalValue()) <= 0 ? existing : value);
        case "items", "additionalProperties" ->
            out.set(key, NODES.objectNode().set("allOf", NODES.arrayNode().add(existing).add(value)));
        case "oneOf", "anyOf" -> {
          // Two alternatives lists at once: keep the first; the second is checked by SchemaCheck.
        }
        default -> {
          // The first wins (descriptions, formats, examples…).
        }
      }
    }
    return out;
  }

  private static JsonNode intersectTypes(JsonNode a, JsonNode b) {
    Set<String> left = typeSet(a);
    Set<String> right = typeSet(b);
    if (right.contains("number")) {
      right.add("integer");
    }
    if (left.contains("number")) {
      left.add("integer");
    }
    left.retainAll(right);
    if (left.isEmpty()) {
      return b;
    }
    if (left.contains("integer") && left.contains("number")) {
      left.remove(typeSet(a).contains("number") && typeSet(b).contains("number") ? "integer" : "number");
    }
    ArrayNode types = NODES.arrayNode();
    left.forEach(types::add);
    return types.size() == 1 ? types.get(0) : types;
  }

  private static Set<String> typeSet(JsonNode type) {
    Set<String> set = new LinkedHashSet<>();
    if (type.isTextual()) {
      set.add(type.asText());
    } else {
      type.forEach(t -> set.add(t.asText()));
    }
    return set;
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalStateException("external $ref in an inputSchema: " + ref);
    }
    String pointer = URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
    JsonNode target = root.at(pointer);
    if (target.isMissingNode()) {
      throw new IllegalStateException("unresolvable $ref " + ref);
    }
    return target;
  }

  private boolean isForbidden(JsonNode schema) {
    return schema.isBoolean() && !schema.booleanValue();
  }

  private boolean isOnlyNull(JsonNode s) {
    JsonNode type = s.get("type");
    return type != null && type.isTextual() && type.asText().equals("null");
  }

  private JsonNode pickNonNull(JsonNode values) {
    List<JsonNode> nonNull = new ArrayList<>();
    values.forEach(v -> {
      if (!v.isNull()) {
        nonNull.add(v);
      }
    });
    return nonNull.isEmpty() ? NODES.nullNode() : nonNull.get(random.nextInt(nonNull.size()));
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }
}
