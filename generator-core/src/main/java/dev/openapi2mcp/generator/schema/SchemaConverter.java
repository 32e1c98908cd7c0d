package dev.openapi2mcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.description.DescriptionText;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Converts OpenAPI schemas (3.0 or 3.1 dialect) to JSON Schema 2020-12 trees.
 *
 * <ul>
 *   <li>3.0 {@code nullable: true} becomes a type union with {@code "null"} (and {@code null} joins an
 *       {@code enum}); without a {@code type}, the schema becomes {@code anyOf: [schema, {type: null}]}.</li>
 *   <li>3.0 boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} take the numeric 2020-12 form.</li>
 *   <li>{@code example} becomes {@code examples: [example]}.</li>
 *   <li>{@code xml}, {@code externalDocs}, {@code discriminator} and {@code x-} extensions are dropped (see
 *       {@link Keywords#OPENAPI_ONLY}); keywords that would re-base references are dropped with a warning.</li>
 *   <li>{@code allOf}/{@code oneOf}/{@code anyOf} are kept; a discriminator is honoured by constraining its
 *       property in each branch (see {@link Discriminators}).</li>
 *   <li>Properties hidden in the {@link Direction} are left out, and out of {@code required}.</li>
 *   <li>Every array schema has {@code items} ({@code {}} when the spec gives none).</li>
 *   <li>{@code $ref}s to components are inlined, except to recursive components: those become
 *       {@code {"$ref": "#/$defs/Name"}}, and the {@link SchemaScope} collects their definitions.</li>
 *   <li>Keys come out in {@link Keywords#ORDER}; maps such as {@code properties} keep spec order.</li>
 * </ul>
 *
 * <p>Conversions of components are cached, so a component shared by many tools is converted (and warned about)
 * once. Results are fresh trees that callers may change.
 */
public final class SchemaConverter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Keywords that only annotate: beside a 3.1 {@code $ref} they can override the referenced schema's. */
  private static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "examples", "example",
      "deprecated", "readOnly", "writeOnly", "$comment");

  /** A converted component and the recursive components it refers to. */
  private record Converted(JsonNode schema, Set<String> defs) {}

  private final ComponentSchemas components;
  private final boolean openApi31;
  private final Direction direction;
  private final Diagnostics diagnostics;
  private final boolean dropReferenceSentences;
  private final Map<String, Converted> inlined = new HashMap<>();
  private final Map<String, Converted> definitions = new HashMap<>();

  /** A converter that keeps reference-only sentences in descriptions (it strips link targets only). */
  public SchemaConverter(ComponentSchemas components, boolean openApi31, Direction direction,
      Diagnostics diagnostics) {
    this(components, openApi31, direction, diagnostics, false);
  }

  /**
   * @param dropReferenceSentences whether descriptions lose the sentences that only pointed at a link (issue 6,
   *     {@link DescriptionText#plain(String, boolean)})
   */
  public SchemaConverter(ComponentSchemas components, boolean openApi31, Direction direction,
      Diagnostics diagnostics, boolean dropReferenceSentences) {
    this.dropReferenceSentences = dropReferenceSentences;
    this.components = components;
    this.openApi31 = openApi31;
    this.direction = direction;
    this.diagnostics = diagnostics;
  }

  public ComponentSchemas components() {
    return components;
  }

  /** A new scope for one root schema (one tool's input schema). */
  public SchemaScope scope() {
    return new SchemaScope(this);
  }

  /** Whether the property schema is left out in this converter's direction. */
  public boolean isHidden(JsonNode propertySchema) {
    return components.isMarked(propertySchema, direction.hiddenKeyword());
  }

  JsonNode convert(JsonNode schema, String pointer, Set<String> defs) {
    if (schema == null || schema.isNull()) {
      return JSON.objectNode();
    }
    if (schema.isBoolean()) {
      return schema.deepCopy();
    }
    if (!schema.isObject()) {
      diagnostics.warning("schema is neither an object nor a boolean; replaced by {}", pointer, null);
      return JSON.objectNode();
    }
    if (schema.has("$ref")) {
      return reference((ObjectNode) schema, pointer, defs);
    }
    return object((ObjectNode) schema, pointer, defs);
  }

  /** The converted body of a recursive component, for {@code $defs}. */
  Converted definition(String name) {
    Converted cached = definitions.get(name);
    if (cached == null) {
      Set<String> defs = new LinkedHashSet<>();
      JsonNode schema = convert(components.get(name), componentPointer(name), defs);
      cached = new Converted(schema, defs);
      definitions.put(name, cached);
    }
    return cached;
  }

  JsonNode definitionSchema(String name, Set<String> defs) {
    Converted converted = definition(name);
    defs.addAll(converted.defs());
    return converted.schema().deepCopy();
  }

  private JsonNode reference(ObjectNode schema, String pointer, Set<String> defs) {
    String ref = schema.path("$ref").asText("");
    String name = ComponentSchemas.componentName(ref);
    JsonNode base;
    if (name == null || components.get(name) == null) {
      diagnostics.warning("cannot follow $ref " + ref + "; replaced by {}", pointer, null);
      base = JSON.objectNode();
    } else if (components.isRecursive(name)) {
      defs.add(name);
      base = JSON.objectNode().put("$ref", SchemaScope.defsReference(name));
    } else {
      base = inline(name, defs);
    }
    if (!openApi31 || schema.size() == 1 || !base.isObject()) {
      return base; // OpenAPI 3.0 ignores everything beside a $ref
    }
    ObjectNode siblings = schema.deepCopy();
    siblings.remove("$ref");
    ObjectNode extra = (ObjectNode) object(siblings, pointer, defs);
    boolean annotationsOnly = true;
    for (Map.Entry<String, JsonNode> sibling : siblings.properties()) {
      annotationsOnly &= ANNOTATIONS.contains(sibling.getKey());
    }
    if (annotationsOnly || base.has("$ref")) {
      // Annotations override the target's; next to a $ref, 2020-12 applies both, as OpenAPI 3.1 means.
      Map<String, JsonNode> merged = new HashMap<>();
      base.properties().forEach(f -> merged.put(f.getKey(), f.getValue()));
      extra.properties().forEach(f -> merged.put(f.getKey(), f.getValue()));
      return Keywords.ordered(merged);
    }
    Map<String, JsonNode> combined = new HashMap<>();
    extra.properties().forEach(f -> combined.put(f.getKey(), f.getValue()));
    ArrayNode allOf = JSON.arrayNode().add(base);
    if (combined.containsKey("allOf")) {
      allOf.addAll((ArrayNode) combined.get("allOf"));
    }
    combined.put("allOf", allOf);
    return Keywords.ordered(combined);
  }

  private JsonNode inline(String name, Set<String> defs) {
    Converted cached = inlined.get(name);
    if (cached == null) {
      Set<String> needed = new LinkedHashSet<>();
      JsonNode schema = convert(components.get(name), componentPointer(name), needed);
      cached = new Converted(schema, needed);
      inlined.put(name, cached);
    }
    defs.addAll(cached.defs());
    return cached.schema().deepCopy();
  }

  private JsonNode object(ObjectNode schema, String pointer, Set<String> defs) {
    Map<String, JsonNode> out = new HashMap<>();
    Set<String> hidden = new HashSet<>();
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      String at = JsonPointers.append(pointer, keyword);
      if (keyword.startsWith("x-") || Keywords.OPENAPI_ONLY.contains(keyword)) {
        continue;
      }
      if (Keywords.UNSUPPORTED.contains(keyword)) {
        diagnostics.warning("schema keyword " + keyword + " is not supported in tool schemas; dropped", at, null);
        continue;
      }
      switch (keyword) {
        case "nullable", "required", "readOnly", "writeOnly" -> {
          // nullable and required are applied below. The direction's own marker is meaningless once the
          // properties it marks are gone; the other one is kept as the annotation it is.
          if (!keyword.equals(direction.hiddenKeyword()) && keyword.endsWith("Only")) {
            out.put(keyword, value.deepCopy());
          }
        }
        case "example" -> {
          if (!schema.has("examples")) {
            out.put("examples", JSON.arrayNode().add(value.deepCopy()));
          }
        }
        case "examples" -> {
          if (value.isArray()) {
            out.put("examples", value.deepCopy());
          }
        }
        case "exclusiveMinimum", "exclusiveMaximum" -> {
          if (value.isNumber()) {
            out.put(keyword, value.deepCopy());
          }
        }
        case "description" -> out.put(keyword, value.isTextual()
            ? JSON.textNode(DescriptionText.plain(value.asText(), dropReferenceSentences))
            : value.deepCopy());
        case "pattern" -> {
          if (isRegularExpression(value)) {
            out.put(keyword, value.deepCopy());
          } else {
            // Issue 3 (ijenko.net: "[0-9]{,2}"): clients compile tool schemas; one bad pattern can cost the tool.
            diagnostics.warning("pattern " + value + " is not a regular expression; dropped", at, null);
          }
        }
        default -> out.put(keyword, subschemas(keyword, value, at, defs, hidden));
      }
    }
    exclusiveBound(schema, out, "exclusiveMinimum", "minimum");
    exclusiveBound(schema, out, "exclusiveMaximum", "maximum");
    required(schema, out, hidden);
    Discriminators.constrain(schema, out);
    if (hasType(out, "array") && !out.containsKey("items") && !out.containsKey("prefixItems")) {
      out.put("items", JSON.objectNode());
    }
    if (!openApi31 && schema.path("nullable").asBoolean(false)) {
      return nullable(out);
    }
    return Keywords.ordered(out);
  }

  private JsonNode subschemas(String keyword, JsonNode value, String at, Set<String> defs, Set<String> hidden) {
    if (Keywords.SCHEMA.contains(keyword)) {
      return convert(value, at, defs);
    }
    if (Keywords.SCHEMA_ARRAY.contains(keyword) && value.isArray()) {
      ArrayNode converted = JSON.arrayNode();
      for (int i = 0; i < value.size(); i++) {
        converted.add(convert(value.get(i), JsonPointers.append(at, Integer.toString(i)), defs));
      }
      return converted;
    }
    if (Keywords.SCHEMA_MAP.contains(keyword) && value.isObject()) {
      ObjectNode converted = JSON.objectNode();
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        if (keyword.equals("properties") && isHidden(entry.getValue())) {
          hidden.add(entry.getKey());
          continue;
        }
        converted.set(entry.getKey(), convert(entry.getValue(), JsonPointers.append(at, entry.getKey()), defs));
      }
      return converted;
    }
    return value.deepCopy();
  }

  /**
   * Whether a {@code pattern} compiles. Java's syntax stands in for ECMA-262's, which JSON Schema names: the faults
   * real descriptions have (a quantifier without a lower bound, unbalanced brackets) are errors in both, and in the
   * unicode mode JavaScript clients compile schemas with.
   */
  private static boolean isRegularExpression(JsonNode value) {
    if (!value.isTextual()) {
      return false;
    }
    try {
      java.util.regex.Pattern.compile(value.asText());
      return true;
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  /** OpenAPI 3.0's {@code exclusiveMinimum: true} qualifies {@code minimum}; 2020-12 carries the number. */
  private static void exclusiveBound(ObjectNode schema, Map<String, JsonNode> out, String exclusive,
      String inclusive) {
    JsonNode flag = schema.get(exclusive);
    if (flag != null && flag.isBoolean() && flag.booleanValue() && out.containsKey(inclusive)) {
      out.put(exclusive, out.remove(inclusive));
    }
  }

  private static void required(ObjectNode schema, Map<String, JsonNode> out, Set<String> hidden) {
    JsonNode required = schema.get("required");
    if (required == null || !required.isArray()) {
      return;
    }
    ArrayNode kept = JSON.arrayNode();
    for (JsonNode name : required) {
      if (!hidden.contains(name.asText())) {
        kept.add(name.deepCopy());
      }
    }
    if (!kept.isEmpty()) {
      out.put("required", kept);
    }
  }

  private static JsonNode nullable(Map<String, JsonNode> out) {
    JsonNode type = out.get("type");
    JsonNode values = out.get("enum");
    if (values != null && values.isArray() && !containsNull(values)) {
      ArrayNode withNull = values.deepCopy();
      withNull.addNull();
      out.put("enum", withNull);
    }
    if (type != null && type.isTextual()) {
      out.put("type", JSON.arrayNode().add(type.asText()).add("null"));
      return Keywords.ordered(out);
    }
    if (type != null && type.isArray()) {
      if (!hasType(out, "null")) {
        ((ArrayNode) type).add("null");
      }
      return Keywords.ordered(out);
    }
    if (values != null || !(out.containsKey("allOf") || out.containsKey("oneOf") || out.containsKey("anyOf"))) {
      return Keywords.ordered(out); // an enum now admits null; a schema without constraints admits it already
    }
    ObjectNode wrapper = JSON.objectNode();
    wrapper.putArray("anyOf").add(Keywords.ordered(out)).add(JSON.objectNode().put("type", "null"));
    return wrapper;
  }

  private static boolean containsNull(JsonNode array) {
    for (JsonNode element : array) {
      if (element.isNull()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasType(Map<String, JsonNode> out, String name) {
    JsonNode type = out.get("type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return type.asText().equals(name);
    }
    for (JsonNode element : type) {
      if (element.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String componentPointer(String name) {
    return JsonPointers.append("/components/schemas", name);
  }
}
